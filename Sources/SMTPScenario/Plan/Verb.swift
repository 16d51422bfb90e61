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
    /// Wait until this case's message arrives at a capture, the mock, a maildir or an IMAP mailbox.
    case awaitMessage = "await-message"
    /// Wait until the delivery status notification (RFC 3464) for this case's message arrives.
    case awaitDSN = "await-dsn"

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
        case .send, .pipeline, .sleep, .awaitMessage, .awaitDSN: nil
        }
    }

    /// Whether a step with this verb may be part of a `pipeline` at all: connecting, TLS, AUTH, waiting and
    /// another group may not (RFC 2920 groups MAIL, RCPT, RSET, DATA and the like), nor may waiting for mail.
    public var mayBePipelined: Bool {
        ![.open, .starttls, .auth, .pipeline, .sleep, .awaitMessage, .awaitDSN].contains(self)
    }
}

extension Verb {
    /// Whether the step waits for mail to arrive (`await-message`, `await-dsn`) rather than talking SMTP.
    public var isAwait: Bool { self == .awaitMessage || self == .awaitDSN }
}
