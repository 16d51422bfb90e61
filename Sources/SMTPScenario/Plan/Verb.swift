import SMTPCore

/// The verbs a scenario step may use, spelt as in the scenario language.
public enum Verb: String, Sendable, Hashable, CaseIterable, Codable {
    /// Connect and read the greeting.
    case open
    /// EHLO.
    case ehlo
    /// HELO.
    case helo
    /// LHLO (LMTP).
    case lhlo
    /// STARTTLS and the TLS handshake.
    case starttls
    /// AUTH with its exchange.
    case auth
    /// MAIL FROM.
    case mailFrom = "mail-from"
    /// RCPT TO.
    case rcpt
    /// DATA, the message, and the final dot.
    case data
    /// BDAT chunks (CHUNKING).
    case bdat
    /// RSET.
    case rset
    /// NOOP.
    case noop
    /// HELP.
    case help
    /// QUIT.
    case quit
    /// VRFY.
    case vrfy
    /// EXPN.
    case expn
    /// One raw command line.
    case send
    /// A group of steps written at once (PIPELINING).
    case pipeline
    /// Wait, sending nothing.
    case sleep

    /// The verb as written in a scenario.
    public var keyword: String { rawValue }

    /// The SMTP command of the verb, from SMTPCore's vocabulary; `nil` for `send` (whatever its line is),
    /// `pipeline` and `sleep`, which are not SMTP commands of their own.
    public var commandKind: CommandKind? {
        switch self {
        case .open: .open
        case .ehlo: .ehlo
        case .helo: .helo
        case .lhlo: .lhlo
        case .starttls: .starttls
        case .auth: .auth
        case .mailFrom: .mail
        case .rcpt: .rcpt
        case .data: .data
        case .bdat: .bdat(last: true)
        case .rset: .rset
        case .noop: .noop
        case .help: .help
        case .quit: .quit
        case .vrfy: .vrfy
        case .expn: .expn
        case .send, .pipeline, .sleep: nil
        }
    }

    /// Whether a step with this verb may be part of a `pipeline` at all: connecting, TLS, AUTH, waiting and
    /// another group may not (RFC 2920 groups MAIL, RCPT, RSET, DATA and the like).
    public var mayBePipelined: Bool {
        ![.open, .starttls, .auth, .pipeline, .sleep].contains(self)
    }
}
