/// What a step sends, as far as the session state machine cares.
public enum CommandKind: Sendable, Hashable, CustomStringConvertible {
    /// Connecting and reading the greeting.
    case open
    /// EHLO.
    case ehlo
    /// HELO.
    case helo
    /// LHLO (LMTP).
    case lhlo
    /// STARTTLS.
    case starttls
    /// AUTH (the whole exchange; pass the final reply).
    case auth
    /// MAIL FROM.
    case mail
    /// RCPT TO.
    case rcpt
    /// DATA: its first reply (354) and, after the message, the final reply may both be passed as `.data`.
    case data
    /// The final "." after the message, if the caller wants to name it separately from `.data`.
    case endOfData
    /// BDAT; `last` when it carries LAST.
    case bdat(last: Bool)
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
    /// A raw line whose effect is not known (`send`).
    case raw

    /// The kind of a parsed command; unknown verbs are `.raw`.
    public init(_ command: SMTPCommand) {
        switch command {
        case .ehlo: self = .ehlo
        case .helo: self = .helo
        case .lhlo: self = .lhlo
        case .mail: self = .mail
        case .rcpt: self = .rcpt
        case .data: self = .data
        case .bdat(_, let last): self = .bdat(last: last)
        case .rset: self = .rset
        case .noop: self = .noop
        case .help: self = .help
        case .quit: self = .quit
        case .vrfy: self = .vrfy
        case .expn: self = .expn
        case .starttls: self = .starttls
        case .auth: self = .auth
        case .unknown: self = .raw
        }
    }

    /// The kind of a raw line, by parsing it; `.raw` when it does not parse.
    public init(rawLine: String) {
        switch SMTPCommand.parse(rawLine) {
        case .success(let command): self.init(command)
        case .failure: self = .raw
        }
    }

    /// Whether another command may follow this one in a pipelined group. RFC 2920 §3.1: RSET, MAIL and RCPT may
    /// stand anywhere in a group, and message content may open one (so the end of data may be followed, as in the
    /// RFC's own example of `.` then QUIT). BDAT chunks other than the last may be followed too: RFC 3030 §4.2
    /// sends them without waiting, and a server discards the chunks after a refused one. Everything else ends
    /// its group, because the client must see its reply first: EHLO, HELO, LHLO, DATA, VRFY, EXPN, NOOP and QUIT
    /// (RFC 2920), STARTTLS (RFC 3207 §4.2), AUTH (RFC 4954 §4), BDAT LAST (after a refused one the state is
    /// unknown and wants RSET), HELP, and a raw line of unknown effect (an extension's command is last-only unless
    /// its RFC says otherwise).
    public var mayBeFollowedInPipeline: Bool {
        switch self {
        case .rset, .mail, .rcpt, .endOfData, .bdat(last: false): return true
        default: return false
        }
    }

    /// The verb, e.g. `MAIL`, or `open`, `.`, `raw`.
    public var description: String {
        switch self {
        case .open: return "open"
        case .ehlo: return "EHLO"
        case .helo: return "HELO"
        case .lhlo: return "LHLO"
        case .starttls: return "STARTTLS"
        case .auth: return "AUTH"
        case .mail: return "MAIL"
        case .rcpt: return "RCPT"
        case .data: return "DATA"
        case .endOfData: return "."
        case .bdat(let last): return last ? "BDAT LAST" : "BDAT"
        case .rset: return "RSET"
        case .noop: return "NOOP"
        case .help: return "HELP"
        case .quit: return "QUIT"
        case .vrfy: return "VRFY"
        case .expn: return "EXPN"
        case .raw: return "raw command"
        }
    }
}
