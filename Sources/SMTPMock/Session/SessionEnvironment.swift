import Foundation

/// What a ``MockSession`` knows about its connection and server.
public struct SessionEnvironment: Sendable {
    /// The client's IP address as text (`127.0.0.1`), for `{client-ip}`.
    public var clientAddress: String
    /// Whether the server has a certificate, so STARTTLS can be offered.
    public var tlsAvailable: Bool
    /// Whether the connection is TLS from the first byte.
    public var implicitTLS: Bool
    /// The server's greylist, shared by all its connections.
    public var greylist: Greylist
    /// The connection's number on this server (1, 2, …), which makes message identifiers unique.
    public var connectionNumber: Int
    /// The time of connection, for `{date}` in the banner.
    public var connectedAt: Date
    /// Whether the server writes message content out as it arrives (``SessionAction/content(_:)``), to a maildir.
    public var spoolsContent: Bool
    /// How many octets of each message to keep in memory; `nil` keeps whole messages (up to the size limit).
    public var keptContentOctets: Int?

    /// Creates an environment.
    public init(
        clientAddress: String = "127.0.0.1",
        tlsAvailable: Bool = true,
        implicitTLS: Bool = false,
        greylist: Greylist = Greylist(),
        connectionNumber: Int = 1,
        connectedAt: Date = Date(),
        spoolsContent: Bool = false,
        keptContentOctets: Int? = nil
    ) {
        self.clientAddress = clientAddress
        self.tlsAvailable = tlsAvailable
        self.implicitTLS = implicitTLS
        self.greylist = greylist
        self.connectionNumber = connectionNumber
        self.connectedAt = connectedAt
        self.spoolsContent = spoolsContent
        self.keptContentOctets = keptContentOctets
    }
}
