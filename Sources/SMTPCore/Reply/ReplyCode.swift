/// A three-digit SMTP reply code as RFC 5321 §4.2 defines it: `Reply-code = %x32-35 %x30-35 %x30-39`.
///
/// Only valid codes can be created: the first digit is 2 to 5 and the second 0 to 5.
public struct ReplyCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The code as a number, for example 250.
    public let value: Int

    /// Creates a reply code, or returns `nil` when `value` is not a reply code of RFC 5321's grammar.
    public init?(_ value: Int) {
        guard (200...599).contains(value), (value / 10) % 10 <= 5 else { return nil }
        self.value = value
    }

    /// Parses exactly three ASCII digits, or returns `nil`.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        let number = bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        self.init(number)
    }

    /// The reply class given by the first digit.
    public var replyClass: ReplyClass {
        // The initialiser guarantees a first digit of 2...5.
        ReplyClass(rawValue: value / 100) ?? .permanentNegative
    }

    /// The first digit (2 to 5).
    public var firstDigit: Int { value / 100 }

    /// The second digit: 0 syntax, 1 information, 2 connections, 5 mail system (RFC 5321 §4.2.1).
    public var secondDigit: Int { (value / 10) % 10 }

    /// The code as three digits, for example "250".
    public var description: String { String(value) }

    /// Orders codes numerically.
    public static func < (lhs: ReplyCode, rhs: ReplyCode) -> Bool { lhs.value < rhs.value }
}
