import SMTPCore
import SMTPRunner

extension DiagnosisStep {
    /// The step a command belongs to, so a raw line sent with `send` (`EHLO bad_domain!`,
    /// `MAIL FROM:<x@@y>`) is explained with the reasons of the command it really is.
    public init(_ kind: CommandKind) {
        switch kind {
        case .open: self = .open
        case .ehlo: self = .ehlo
        case .helo: self = .helo
        case .lhlo: self = .lhlo
        case .starttls: self = .starttls
        case .auth: self = .auth
        case .mail: self = .mailFrom
        case .rcpt: self = .rcpt
        case .data: self = .data
        case .endOfData: self = .endOfData
        case .bdat: self = .bdat
        case .rset: self = .rset
        case .noop: self = .noop
        case .help: self = .help
        case .quit: self = .quit
        case .vrfy: self = .vrfy
        case .expn: self = .expn
        case .raw: self = .any
        }
    }

    /// The step a reply belongs to, from the command the compiler planned and which of its replies it is: the
    /// reply after a message's final dot is ``endOfData``; a step with no SMTP command is ``any``.
    public init(command: CommandKind?, role: ReplyRole) {
        guard let command else {
            self = .any
            return
        }
        if command == .data, role == .endOfData {
            self = .endOfData
        } else {
            self.init(command)
        }
    }
}
