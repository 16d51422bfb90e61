/// What a server chose in its ServerHello, read in the clear ahead of the TLS handler: the cipher suite and the
/// protocol version (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3).
///
/// NIOSSL does not tell which cipher suite was negotiated; ``ServerHelloObserver`` reads it from the wire and
/// hands it to ``InboundEventHandler`` as a user inbound event of this type.
struct ServerHello: Sendable, Hashable {
    /// The cipher suite's code point, as `0x1301` or `0xC02F`.
    var cipherSuite: UInt16
    /// The negotiated version's code point: `selected_version` from the `supported_versions` extension when the
    /// server sent one (TLS 1.3), otherwise `legacy_version` (`0x0303` for TLS 1.2).
    var version: UInt16

    /// The cipher suite's IANA name (`TLS_AES_128_GCM_SHA256`), or its code point as `0xC0FF` when unknown.
    var cipherSuiteName: String {
        CipherSuiteName.name(of: cipherSuite)
    }

    /// The version as ``TLSFacts/version`` writes it: `1.0` to `1.3`; `nil` for anything else.
    var versionText: String? {
        switch version {
        case 0x0301: "1.0"
        case 0x0302: "1.1"
        case 0x0303: "1.2"
        case 0x0304: "1.3"
        default: nil
        }
    }
}
