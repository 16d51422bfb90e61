import NIOSSL

/// Sentences for NIOSSL's errors that a mail admin can act on (the settings named are a scenario's `open`,
/// `starttls` and IMAP source settings).
public enum TLSErrorText {
    /// Describes a TLS error; certificate verification failures say how to fix the scenario.
    public static func describe(_ error: NIOSSLError) -> String {
        switch error {
        case .handshakeFailed(let boringError):
            let detail = String(describing: boringError)
            if detail.contains("CERTIFICATE_VERIFY_FAILED") {
                return "TLS certificate verification failed: the server's certificate is not signed by a trusted CA, "
                    + "or has expired (\(detail)); give `ca-file:` with the CA that signed it, or `verify: false` "
                    + "to skip verification"
            }
            return "TLS handshake failed: \(detail)"
        case .uncleanShutdown:
            return "the server closed the connection during TLS without a close_notify"
        case .noSuchFilesystemObject:
            return "a TLS file (certificate or CA) does not exist"
        case .failedToLoadCertificate:
            return "a certificate file could not be loaded"
        default:
            return "TLS failed: \(error)"
        }
    }

    /// Describes NIOSSL's extra errors (host name mismatches, invalid SNI names).
    public static func describe(_ error: NIOSSLExtraError) -> String {
        if error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch {
            return "TLS certificate does not match the server name: \(error); set `server-name:` to a name the "
                + "certificate carries"
        }
        return "TLS failed: \(error)"
    }
}
