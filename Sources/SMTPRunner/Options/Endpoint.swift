import SMTPCore

/// A host and port, written `host:port`, `ipv4:port` or `[ipv6]:port` (as `--server` and `--dns-server` take).
public struct Endpoint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The host name or address literal, without brackets.
    public var host: String
    /// The port.
    public var port: Int

    /// Creates an endpoint.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[v6]:port` with SMTPCore's `HostPort`; a bare host takes `defaultPort`, and without
    /// one a port is required.
    public static func parse(_ text: String, defaultPort: Int? = nil) -> Result<Endpoint, HostPort.Problem> {
        HostPort.parse(text).flatMap { parsed in
            parsed.resolvedPort(default: defaultPort).map { Endpoint(host: parsed.host, port: $0) }
        }
    }

    /// Parses like ``parse(_:defaultPort:)``; `nil` for anything else.
    public init?(parsing text: String, defaultPort: Int? = nil) {
        guard case .success(let endpoint) = Self.parse(text, defaultPort: defaultPort) else { return nil }
        self = endpoint
    }

    /// `host:port`, or `[v6]:port`.
    public var description: String { HostPort(host: host, port: port).description }
}
