import SMTPCore
import SMTPRunner

/// The point of an SMTP session a reply (or a transport failure) belongs to, as the reasons catalogue keys it:
/// SMTPCore's ``CommandKind`` (the reply after a message's final dot is ``CommandKind/endOfData``), or ``any``.
///
/// Its keywords are the scenario language's verbs (`open`, `ehlo`, `mail-from`, `rcpt`, `data` …) plus
/// `end-of-data` and `any`.
public struct DiagnosisStep: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The command; `nil` for ``any``. A BDAT chunk is always `.bdat(last: true)`: the catalogue has one key.
    public let command: CommandKind?

    /// The step of a command; a raw line whose command is not known is ``any``.
    public init(_ command: CommandKind) {
        switch command {
        case .raw: self.command = nil
        case .bdat: self.command = .bdat(last: true)
        default: self.command = command
        }
    }

    private init(any: Void) {
        command = nil
    }

    /// The step a reply belongs to, from the command the compiler planned and which of its replies it is: the
    /// reply after a message's final dot is ``endOfData``; a step with no SMTP command is ``any``.
    public init(command: CommandKind?, role: ReplyRole) {
        guard let command else {
            self.init(any: ())
            return
        }
        self.init(command == .data && role == .endOfData ? .endOfData : command)
    }

    /// Reads a keyword (`mail-from`, `end-of-data`, `any`), case-insensitively.
    public init?(rawValue: String) {
        guard let step = Self.allCases.first(where: { $0.keyword == rawValue.lowercased() }) else { return nil }
        self = step
    }

    /// Connecting and reading the greeting.
    public static let open = DiagnosisStep(.open)
    /// EHLO.
    public static let ehlo = DiagnosisStep(.ehlo)
    /// HELO.
    public static let helo = DiagnosisStep(.helo)
    /// LHLO (LMTP).
    public static let lhlo = DiagnosisStep(.lhlo)
    /// STARTTLS and its handshake.
    public static let starttls = DiagnosisStep(.starttls)
    /// AUTH and its exchange.
    public static let auth = DiagnosisStep(.auth)
    /// MAIL FROM.
    public static let mailFrom = DiagnosisStep(.mail)
    /// RCPT TO.
    public static let rcpt = DiagnosisStep(.rcpt)
    /// The DATA command itself (the reply that should be 354).
    public static let data = DiagnosisStep(.data)
    /// The reply after the message and its final dot.
    public static let endOfData = DiagnosisStep(.endOfData)
    /// BDAT (CHUNKING).
    public static let bdat = DiagnosisStep(.bdat(last: true))
    /// RSET.
    public static let rset = DiagnosisStep(.rset)
    /// NOOP.
    public static let noop = DiagnosisStep(.noop)
    /// HELP.
    public static let help = DiagnosisStep(.help)
    /// VRFY.
    public static let vrfy = DiagnosisStep(.vrfy)
    /// EXPN.
    public static let expn = DiagnosisStep(.expn)
    /// QUIT.
    public static let quit = DiagnosisStep(.quit)
    /// Any step: a catalogue entry that applies everywhere, or a step the catalogue has no key for.
    public static let any = DiagnosisStep(any: ())

    /// Every step, in session order.
    public static let allCases: [DiagnosisStep] = [
        .open, .ehlo, .helo, .lhlo, .starttls, .auth, .mailFrom, .rcpt, .data, .endOfData, .bdat, .rset, .noop,
        .help, .vrfy, .expn, .quit, .any,
    ]

    /// The keyword as written in a catalogue or a scenario.
    public var keyword: String {
        guard let command else { return "any" }
        switch command {
        case .mail: return "mail-from"
        case .endOfData: return "end-of-data"
        case .bdat: return "bdat"
        default: return command.description.lowercased()
        }
    }

    /// How RFC 5321 names the command of this step, for text: `MAIL FROM`, `RCPT TO`, `end of data`.
    public var commandName: String {
        guard let command else { return "any command" }
        switch command {
        case .open: return "connection"
        case .mail: return "MAIL FROM"
        case .rcpt: return "RCPT TO"
        case .endOfData: return "end of data"
        case .bdat: return "BDAT"
        default: return command.description
        }
    }

    /// The keyword.
    public var description: String { keyword }
}
