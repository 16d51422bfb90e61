/// A mailbox, `local-part@domain` (RFC 5321 §4.1.2), as written: a quoted local-part keeps its quotes and the
/// domain may be an address literal such as `[192.0.2.1]`.
public struct Mailbox: Sendable, Hashable, CustomStringConvertible {
    /// The local-part as written (dot-string, or quoted-string with its quotes).
    public let localPart: String
    /// The domain or address literal (with brackets).
    public let domain: String

    /// Parses a mailbox, or returns `nil` on a syntax error. Size limits (§4.5.3.1) are not enforced here, since
    /// servers may accept longer objects; see `AddressSyntax.validateMailbox` for every problem.
    public init?(parsing text: String, allowUTF8: Bool = true) {
        let problems = AddressSyntax.validateMailbox(text, allowUTF8: allowUTF8)
        guard !problems.contains(where: { !$0.isSizeLimit }), let (localPart, domain) = AddressSyntax.split(text)
        else { return nil }
        self.localPart = localPart
        self.domain = domain
    }

    /// Creates a mailbox from parts the caller has checked.
    public init(localPart: String, domain: String) {
        self.localPart = localPart
        self.domain = domain
    }

    /// Whether the domain is an address literal.
    public var hasAddressLiteral: Bool { domain.hasPrefix("[") }

    /// Whether any part is non-ASCII (needs SMTPUTF8).
    public var needsSMTPUTF8: Bool {
        !localPart.utf8.allSatisfy({ $0 < 0x80 }) || !domain.utf8.allSatisfy({ $0 < 0x80 })
    }

    /// `local-part@domain`.
    public var description: String { "\(localPart)@\(domain)" }
}

extension Mailbox {
    /// `address` without one enclosing pair of angle brackets: `<a@b>` is `a@b`, `<>` is empty.
    static func strippingAngleBrackets(_ address: String) -> String {
        guard address.hasPrefix("<"), address.hasSuffix(">"), address.count >= 2 else { return address }
        return String(address.dropFirst().dropLast())
    }
}
