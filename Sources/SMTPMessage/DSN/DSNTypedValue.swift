import SMTPCore

/// A `type; value` field body of a DSN (RFC 3464 §2.1.2): address-type `;` generic-address (`rfc822;
/// kate@relay.example`), mta-name-type `;` mta-name (`dns; mx.relay.example`), or diagnostic-type `;` text
/// (`smtp; 550 5.1.1 ...`).
public struct DSNTypedValue: Sendable, Hashable, CustomStringConvertible {
    /// The type, lower case (types are case-insensitive): `rfc822`, `utf-8`, `dns`, `smtp`, `x-postfix`...
    public let type: String
    /// The value after the `;`, without leading and trailing white space.
    public let value: String

    /// Creates a value; `type` is lower-cased.
    public init(type: String, value: String) {
        self.type = type.lowercased()
        self.value = value
    }

    /// Reads `type ; value`: the type an atom (RFC 3464 §2.1.2; the atom rule is SMTPCore's, as for ORCPT), the
    /// value non-empty unless `allowEmptyValue`. Returns `nil` otherwise.
    public init?(parsing text: String, allowEmptyValue: Bool = false) {
        guard let semicolon = text.firstIndex(of: ";") else { return nil }
        let type = text[..<semicolon].trimmingWhiteSpace
        let value = text[text.index(after: semicolon)...].trimmingWhiteSpace
        // ORCPT's addr-type is the same atom: let SMTPCore judge it.
        guard case .success = DSNOriginalRecipient.written("\(type);x") else { return nil }
        if value.isEmpty && !allowEmptyValue { return nil }
        self.init(type: type, value: value)
    }

    /// The value as a mailbox when the type is an address type (`rfc822` or `utf-8`) and the value is one.
    public var mailbox: Mailbox? {
        type == "rfc822" || type == "utf-8" ? Mailbox(parsing: value) : nil
    }

    /// `type; value`.
    public var description: String { "\(type); \(value)" }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingWhiteSpace: String {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
