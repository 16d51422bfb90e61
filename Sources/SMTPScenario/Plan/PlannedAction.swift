/// What a planned step does on the wire.
public enum PlannedAction: Sendable, Hashable {
    /// Connect and read the greeting.
    case open(OpenPlan)
    /// Send one command line (without CRLF) and read one reply: EHLO, HELO, LHLO, MAIL, RCPT,
    /// RSET, NOOP, HELP, QUIT, VRFY, EXPN and `send`.
    case command(PlanText)
    /// STARTTLS, then the TLS handshake.
    case starttls(TLSPlan)
    /// AUTH and its challenge/response exchange.
    case auth(AuthPlan)
    /// DATA, the message (dot-stuffed by the runner), and the final dot.
    case data(DataPlan)
    /// BDAT chunks; the last one carries LAST.
    case bdat(chunks: [PlanText])
    /// Steps written in one go; replies are matched in order.
    case pipeline(PipelinePlan)
    /// Wait, sending nothing.
    case sleep(Duration)
    /// Wait until this case's message (or its notification) arrives somewhere, sending nothing.
    case arrival(AwaitPlan)
}

/// Where and how `open` connects.
public struct OpenPlan: Sendable, Hashable {
    /// What to connect to.
    public enum Target: Sendable, Hashable {
        /// A host name, IPv4 or IPv6 address, and port.
        case host(String, port: Int)
        /// The MX hosts of a domain, in preference order, on a port.
        case mx(domain: String, port: Int)
    }

    /// TLS on connect.
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain TCP (STARTTLS may follow).
        case none
        /// TLS from the first byte (SMTPS, port 465).
        case implicit
    }

    /// What to connect to.
    public var target: Target
    /// For `mx`: one case per MX host instead of trying them in order.
    public var each: Bool
    /// TLS on connect.
    public var tls: TLSMode
    /// TLS verification settings for implicit TLS.
    public var tlsOptions: TLSPlan
    /// How long to wait for the TCP (and TLS) connection; the greeting wait is the step timeout.
    public var connectTimeout: Duration

    /// Creates an open plan.
    public init(target: Target, each: Bool, tls: TLSMode, tlsOptions: TLSPlan, connectTimeout: Duration) {
        self.target = target
        self.each = each
        self.tls = tls
        self.tlsOptions = tlsOptions
        self.connectTimeout = connectTimeout
    }
}

/// How TLS is verified: on by default.
public struct TLSPlan: Sendable, Hashable {
    /// Verify the certificate chain and host name.
    public var verify: Bool
    /// A PEM file of trusted CA certificates instead of the system's.
    public var caFile: String?
    /// The name to send in SNI and verify against, instead of the host connected to.
    public var serverName: String?

    /// Creates TLS settings.
    public init(verify: Bool = true, caFile: String? = nil, serverName: String? = nil) {
        self.verify = verify
        self.caFile = caFile
        self.serverName = serverName
    }
}

/// AUTH mechanisms smtpspec speaks.
public enum AuthMechanism: String, Sendable, Hashable, CaseIterable {
    /// RFC 4616 PLAIN.
    case plain
    /// The LOGIN mechanism (username and password prompts).
    case login
    /// Google/Microsoft XOAUTH2 with a bearer token as the password.
    case xoauth2
    /// RFC 2195 CRAM-MD5.
    case cramMD5 = "cram-md5"

    /// The mechanism's name on the wire.
    public var wireName: String { rawValue.uppercased() }
}

/// An AUTH step.
public struct AuthPlan: Sendable, Hashable {
    /// The mechanism.
    public var mechanism: AuthMechanism
    /// The user name.
    public var username: PlanText
    /// The password or token; always secret.
    public var password: PlanText
    /// Allow AUTH over a connection without TLS.
    public var allowPlaintext: Bool

    /// Creates an AUTH plan.
    public init(mechanism: AuthMechanism, username: PlanText, password: PlanText, allowPlaintext: Bool) {
        self.mechanism = mechanism
        self.username = username
        self.password = password
        self.allowPlaintext = allowPlaintext
    }
}

/// A DATA step.
public struct DataPlan: Sendable, Hashable {
    /// The message (headers, blank line, body), not yet dot-stuffed; line ends are `\r\n`.
    public var message: PlanText
    /// How long to wait for the 354 (RFC 5321 §4.5.3.2: 2 minutes unless the file says less).
    public var initiationTimeout: Duration
    /// The header names and values that hold captures, each fenced by the runner once they are filled in (the
    /// message as a whole is fenced as message text too).
    public var fences: [FencedText]

    /// Creates a DATA plan.
    public init(message: PlanText, initiationTimeout: Duration, fences: [FencedText] = []) {
        self.message = message
        self.initiationTimeout = initiationTimeout
        self.fences = fences
    }
}

/// A pipelined group.
public struct PipelinePlan: Sendable, Hashable {
    /// The grouped steps, in order.
    public var steps: [PlannedStep]
    /// Send the group even when the server did not advertise PIPELINING.
    public var force: Bool

    /// Creates a pipeline plan.
    public init(steps: [PlannedStep], force: Bool) {
        self.steps = steps
        self.force = force
    }
}
