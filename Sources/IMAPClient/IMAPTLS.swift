import ClientChannel
import NIOSSL

/// The TLS side of an ``IMAPConfiguration``: the NIOSSL client context and the name for SNI and verification,
/// and sentences for NIOSSL's errors.
struct IMAPTLS: Sendable {
    /// The client context.
    let context: NIOSSLContext
    /// The name sent in SNI and verified; `nil` for an address literal (then NIOSSL verifies the address).
    let serverHostname: String?

    /// Full verification against the system's roots by default, `caFile` instead of them, or none at all.
    init(_ configuration: IMAPConfiguration) throws(IMAPError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = configuration.verify ? .fullVerification : .none
        if let caFile = configuration.caFile {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw .tls("cannot read the CA file '\(caFile)': \(error)")
            }
        }
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw .tls("cannot set up TLS: \(error)")
        }
        let name = configuration.serverName ?? configuration.host
        serverHostname = Self.isAddressLiteral(name) ? nil : name
    }

    /// Whether `host` is an IPv4 or IPv6 address literal (SNI cannot carry those).
    static func isAddressLiteral(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in !part.isEmpty && part.allSatisfy(\.isNumber) }
    }

    /// A client handler for one connection.
    func makeHandler() throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
    }

    /// An error that ended the connection during or after TLS, as an ``IMAPError``, in ClientChannel's words (the
    /// same the SMTP runner uses); a connection closed without close_notify is just closed.
    static func classify(_ error: any Error) -> IMAPError {
        if let sslError = error as? NIOSSLError {
            if case .uncleanShutdown = sslError { return .closed }
            return .tls(TLSErrorText.describe(sslError))
        }
        if let extra = error as? NIOSSLExtraError {
            return .tls(TLSErrorText.describe(extra))
        }
        return .closed
    }
}
