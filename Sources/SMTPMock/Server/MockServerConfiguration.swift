import SMTPCore

/// Where and how a ``MockServer`` listens, besides its persona, and the limits that keep it safe from its clients.
///
/// | limit | default | what happens past it |
/// |---|---|---|
/// | ``idleTimeout`` | 5 minutes | nothing at all was read: 421 4.4.2, close |
/// | ``commandTimeout`` | 5 minutes (RFC 5321 §4.5.3.2.7) | a command line (or an AUTH response) not complete this long after the previous reply, however many octets trickled in: 421 4.4.2, close; also a client that reads none of the replies for this long is closed |
/// | ``minimumDataRate`` | 500 octets/s | message content (DATA, BDAT) gets ``commandTimeout`` plus 1 s per this many octets received: slower is 421 4.4.2, close |
/// | ``maxConnections`` | 1,000 | 421 4.3.2 and close |
/// | ``retention`` | ``MessageRetention/inProcess`` | older messages evicted, older content trimmed to its headers |
///
/// Every duration must be positive and at most ``maximumDuration``; ``MockServer/bind(persona:configuration:logger:)``
/// refuses others, as it refuses an address beyond loopback without ``allowRemote`` (see ``ListenRule``).
public struct MockServerConfiguration: Sendable {
    /// The address to listen on; loopback unless ``allowRemote``.
    public var host: String
    /// The port; 0 picks a free one (read it from ``MockServer/address``).
    public var port: Int
    /// Whether ``host`` may be an address beyond loopback (`--allow-remote`).
    public var allowRemote: Bool
    /// A maildir to deliver every accepted message into, besides keeping it in memory within ``retention``.
    public var maildir: String?
    /// The certificate and key for TLS; `nil` uses the persona's, or a generated self-signed one.
    public var tlsIdentity: TLSIdentity?
    /// How long a connection may stay silent before it gets 421 4.4.2 and is closed.
    public var idleTimeout: Duration
    /// How long one command line may take to arrive, from the previous reply; bytes that trickle in do not extend
    /// it. Also how long the server waits for a client that does not read its replies.
    public var commandTimeout: Duration
    /// The slowest message content accepted, in octets per second: content gets ``commandTimeout`` plus one second
    /// per this many octets received.
    public var minimumDataRate: Int
    /// The most connections served at once; more get 421 4.3.2 and are closed.
    public var maxConnections: Int
    /// How many accepted messages (and how much of their content) stay in memory.
    public var retention: MessageRetention

    /// The longest duration any limit may be: 24 hours.
    public static let maximumDuration = Duration.seconds(86_400)
    /// The most connections ``maxConnections`` may allow: 100,000.
    public static let maximumConnections = 100_000

    /// Creates a configuration; the defaults listen on 127.0.0.1 on a free port.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        allowRemote: Bool = false,
        maildir: String? = nil,
        tlsIdentity: TLSIdentity? = nil,
        idleTimeout: Duration = .seconds(300),
        commandTimeout: Duration = .seconds(300),
        minimumDataRate: Int = 500,
        maxConnections: Int = 1000,
        retention: MessageRetention = .inProcess
    ) {
        self.host = host
        self.port = port
        self.allowRemote = allowRemote
        self.maildir = maildir
        self.tlsIdentity = tlsIdentity
        self.idleTimeout = idleTimeout
        self.commandTimeout = commandTimeout
        self.minimumDataRate = minimumDataRate
        self.maxConnections = maxConnections
        self.retention = retention
    }

    /// What is wrong with the configuration, in words naming the setting; `nil` when it can be used.
    public var problem: String? {
        for (name, value) in [("idle timeout", idleTimeout), ("command timeout", commandTimeout)] {
            guard value > .zero, value <= Self.maximumDuration else {
                return "the \(name) must be more than 0 and at most 24h, not \(value.shortText)"
            }
        }
        guard minimumDataRate > 0, minimumDataRate <= 1 << 30 else {
            return "the minimum data rate must be 1 to \(1 << 30) octets per second, not \(minimumDataRate)"
        }
        guard maxConnections > 0, maxConnections <= Self.maximumConnections else {
            return "the connection limit must be 1 to \(Self.maximumConnections), not \(maxConnections)"
        }
        guard (0...65_535).contains(port) else { return "the port must be 0 to 65535, not \(port)" }
        return ListenRule.problem(host: host, allowRemote: allowRemote)
    }
}
