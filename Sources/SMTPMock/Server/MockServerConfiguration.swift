/// Where and how a ``MockServer`` listens, besides its persona.
public struct MockServerConfiguration: Sendable {
    /// The address to listen on; loopback unless told otherwise.
    public var host: String
    /// The port; 0 picks a free one (read it from ``MockServer/address``).
    public var port: Int
    /// A maildir to deliver every accepted message into, besides keeping it in memory.
    public var maildir: String?
    /// The certificate and key for TLS; `nil` uses the persona's, or a generated self-signed one.
    public var tlsIdentity: TLSIdentity?
    /// How long a connection may stay silent before it gets 421 4.4.2 and is closed.
    public var idleTimeout: Duration
    /// The most connections served at once; more get 421 4.3.2 and are closed.
    public var maxConnections: Int

    /// Creates a configuration; the defaults listen on 127.0.0.1 on a free port.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        maildir: String? = nil,
        tlsIdentity: TLSIdentity? = nil,
        idleTimeout: Duration = .seconds(300),
        maxConnections: Int = 1000
    ) {
        self.host = host
        self.port = port
        self.maildir = maildir
        self.tlsIdentity = tlsIdentity
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}
