/// The argument of MAIL FROM (RFC 5321 §4.1.2): the null path `<>` or a mailbox.
public enum ReversePath: Sendable, Hashable, CustomStringConvertible {
    /// `<>`: no bounces are sent for this message (used by bounces themselves).
    case null
    /// `<mailbox>`.
    case mailbox(Mailbox)

    /// Parses an address as a scenario writes it: `""` or `<>` is the null path, otherwise a mailbox with or
    /// without angle brackets.
    public init?(address: String, allowUTF8: Bool = true) {
        let text = Mailbox.strippingAngleBrackets(address)
        if text.isEmpty {
            self = .null
            return
        }
        guard let mailbox = Mailbox(parsing: text, allowUTF8: allowUTF8) else { return nil }
        self = .mailbox(mailbox)
    }

    /// The mailbox, or `nil` for the null path.
    public var mailbox: Mailbox? {
        if case .mailbox(let mailbox) = self { return mailbox }
        return nil
    }

    /// `<>` or `<local@domain>`.
    public var description: String {
        switch self {
        case .null: return "<>"
        case .mailbox(let mailbox): return "<\(mailbox)>"
        }
    }
}
