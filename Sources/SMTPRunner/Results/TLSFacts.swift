import Foundation

/// What the runner learnt about a TLS session after the handshake: the peer certificate and the protocol.
public struct TLSFacts: Sendable, Hashable, Codable {
    /// The negotiated protocol version: `1.0`, `1.1`, `1.2` or `1.3`; `nil` when unknown.
    public var version: String?
    /// The negotiated cipher suite's IANA name, as `TLS_AES_256_GCM_SHA384` or
    /// `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`, read from the server's ServerHello (NIOSSL does not expose it);
    /// `0xC0FF`-style hex for a suite without a known name; `nil` when the ServerHello could not be read.
    public var cipher: String?
    /// The certificate's subject, as `CN=mail.example.com, O=Example`.
    public var subject: String?
    /// The certificate's issuer, in the same form.
    public var issuer: String?
    /// The certificate's subject alternative names: DNS names and IP addresses.
    public var subjectAlternativeNames: [String]
    /// The end of the certificate's validity.
    public var notAfter: Date?
    /// Whole days from the handshake until ``notAfter`` (negative once expired).
    public var daysLeft: Int?
    /// Whether the chain and host name were verified.
    public var verified: Bool
    /// The name sent in SNI and verified against, if any.
    public var serverName: String?

    /// Creates facts.
    public init(
        version: String? = nil,
        cipher: String? = nil,
        subject: String? = nil,
        issuer: String? = nil,
        subjectAlternativeNames: [String] = [],
        notAfter: Date? = nil,
        daysLeft: Int? = nil,
        verified: Bool,
        serverName: String? = nil
    ) {
        self.version = version
        self.cipher = cipher
        self.subject = subject
        self.issuer = issuer
        self.subjectAlternativeNames = subjectAlternativeNames
        self.notAfter = notAfter
        self.daysLeft = daysLeft
        self.verified = verified
        self.serverName = serverName
    }
}
