/// Where and how to reach an IMAP mailbox: server, TLS, credentials, mailbox and limits.
public struct IMAPConfiguration: Sendable, Hashable {
    /// The server's host name or address literal.
    public var host: String
    /// The server's port (143 for plain and STARTTLS, 993 for implicit TLS, by convention).
    public var port: Int
    /// How the connection is protected.
    public var security: IMAPSecurity
    /// Whether the server's certificate chain and name are verified (default `true`).
    public var verify: Bool
    /// A PEM file of CA certificates trusted instead of the system's roots.
    public var caFile: String?
    /// The name sent in SNI and checked against the certificate; `host` when `nil`.
    public var serverName: String?
    /// The user to log in as.
    public var username: String
    /// The password. It is sent only over TLS unless ``allowPlaintext`` is set, and never appears in an error,
    /// a log line or a description.
    public var password: String
    /// Whether credentials may be sent over a connection without TLS (default `false`).
    public var allowPlaintext: Bool
    /// The mailbox to open read-only with EXAMINE (default `INBOX`).
    public var mailbox: String
    /// How long connecting (TCP, and the TLS handshake for implicit TLS) may take.
    public var connectTimeout: Duration
    /// How long the server may take to complete one command, and to send its greeting.
    public var commandTimeout: Duration
    /// Bounds on what the server may send.
    public var limits: IMAPLimits

    /// A configuration; TLS verification is on and plaintext login off unless said otherwise.
    public init(
        host: String,
        port: Int,
        security: IMAPSecurity,
        verify: Bool = true,
        caFile: String? = nil,
        serverName: String? = nil,
        username: String,
        password: String,
        allowPlaintext: Bool = false,
        mailbox: String = "INBOX",
        connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(30),
        limits: IMAPLimits = IMAPLimits()
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.verify = verify
        self.caFile = caFile
        self.serverName = serverName
        self.username = username
        self.password = password
        self.allowPlaintext = allowPlaintext
        self.mailbox = mailbox
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.limits = limits
    }
}

extension IMAPConfiguration: CustomStringConvertible {
    /// The configuration with the password masked.
    public var description: String {
        "IMAPConfiguration(\(host):\(port), security: \(security.rawValue), verify: \(verify), "
            + "caFile: \(caFile ?? "none"), serverName: \(serverName ?? "none"), username: \(username), "
            + "password: ******, allowPlaintext: \(allowPlaintext), mailbox: \(mailbox))"
    }
}
