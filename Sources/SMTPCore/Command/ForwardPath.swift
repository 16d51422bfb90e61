/// The argument of RCPT TO (RFC 5321 §4.1.2): a mailbox, or the special `<Postmaster>` without a domain.
public enum ForwardPath: Sendable, Hashable, CustomStringConvertible {
    /// `<Postmaster>`, which every server must accept (RFC 5321 §4.5.1).
    case postmaster
    /// `<mailbox>`.
    case mailbox(Mailbox)

    /// Parses an address with or without angle brackets; `Postmaster` (any case) is `.postmaster`.
    public init?(address: String, allowUTF8: Bool = true) {
        let text = Mailbox.strippingAngleBrackets(address)
        if text.lowercased() == "postmaster" {
            self = .postmaster
            return
        }
        guard let mailbox = Mailbox(parsing: text, allowUTF8: allowUTF8) else { return nil }
        self = .mailbox(mailbox)
    }

    /// The mailbox, or `nil` for `<Postmaster>`.
    public var mailbox: Mailbox? {
        if case .mailbox(let mailbox) = self { return mailbox }
        return nil
    }

    /// `<Postmaster>` or `<local@domain>`.
    public var description: String {
        switch self {
        case .postmaster: return "<Postmaster>"
        case .mailbox(let mailbox): return "<\(mailbox)>"
        }
    }
}
