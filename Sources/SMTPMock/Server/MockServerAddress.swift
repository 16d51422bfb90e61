import SMTPCore

/// The address a ``MockServer`` listens on.
public struct MockServerAddress: Sendable, Hashable, CustomStringConvertible {
    /// The IP address, for example `127.0.0.1`.
    public var host: String
    /// The port actually bound (never 0).
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with brackets around an IPv6 address.
    public var description: String { HostPort(host: host, port: port).description }
}
