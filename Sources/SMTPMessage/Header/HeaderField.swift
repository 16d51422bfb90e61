/// One header field (RFC 5322 §2.2): its name and its unfolded value.
public struct HeaderField: Sendable, Hashable, CustomStringConvertible {
    /// The field name as written (compare it case-insensitively; see ``HeaderField/isNamed(_:)``).
    public let name: String
    /// The field body, unfolded (RFC 5322 §2.2.3: every line end before white space removed) and without leading
    /// or trailing white space. Encoded words (RFC 2047) are left as they are.
    public let value: String
    /// The 1-based line of the section where the field starts.
    public let line: Int

    /// Creates a field.
    public init(name: String, value: String, line: Int = 1) {
        self.name = name
        self.value = value
        self.line = line
    }

    /// Whether the field's name is `name`, ignoring ASCII case (field names are case-insensitive, RFC 5322 §1.2.2).
    public func isNamed(_ name: String) -> Bool {
        HeaderField.equalIgnoringASCIICase(self.name, name)
    }

    /// `Name: value`.
    public var description: String { "\(name): \(value)" }

    /// Whether two strings are equal when ASCII letters are compared without case.
    static func equalIgnoringASCIICase(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        return zip(left.utf8, right.utf8).allSatisfy { lowerASCII($0) == lowerASCII($1) }
    }

    /// The octet with an ASCII upper-case letter made lower case.
    static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
