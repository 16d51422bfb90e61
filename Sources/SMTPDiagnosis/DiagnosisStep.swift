/// The point of an SMTP session a reply (or a transport failure) belongs to, as the reasons catalogue keys it.
///
/// The raw values are the scenario language's verbs (`open`, `ehlo`, `mail-from`, `rcpt`, `data` …) plus
/// `end-of-data` for the reply after the final dot of a message, and `any` for entries that apply at every step.
public enum DiagnosisStep: String, Sendable, Hashable, CaseIterable, Codable {
    /// Connecting and reading the greeting.
    case open
    /// EHLO.
    case ehlo
    /// HELO.
    case helo
    /// LHLO (LMTP).
    case lhlo
    /// STARTTLS and its handshake.
    case starttls
    /// AUTH and its exchange.
    case auth
    /// MAIL FROM.
    case mailFrom = "mail-from"
    /// RCPT TO.
    case rcpt
    /// The DATA command itself (the reply that should be 354).
    case data
    /// The reply after the message and its final dot.
    case endOfData = "end-of-data"
    /// BDAT (CHUNKING).
    case bdat
    /// RSET.
    case rset
    /// NOOP.
    case noop
    /// HELP.
    case help
    /// VRFY.
    case vrfy
    /// EXPN.
    case expn
    /// QUIT.
    case quit
    /// Any step: a catalogue entry that applies everywhere, or a step the catalogue has no key for.
    case any

    /// The step for a scenario verb, leniently: a verb the catalogue has no key for (`send`, `pipeline`,
    /// `sleep`, or anything unknown) is ``any``. Case does not matter.
    public init(verb: String) {
        self = DiagnosisStep(rawValue: verb.lowercased()) ?? .any
    }

    /// The keyword as written in a catalogue or a scenario.
    public var keyword: String { rawValue }

    /// How RFC 5321 names the command of this step, for text: `MAIL FROM`, `RCPT TO`, `end of data`.
    public var commandName: String {
        switch self {
        case .open: return "connection"
        case .mailFrom: return "MAIL FROM"
        case .rcpt: return "RCPT TO"
        case .endOfData: return "end of data"
        case .any: return "any command"
        default: return rawValue.uppercased()
        }
    }
}
