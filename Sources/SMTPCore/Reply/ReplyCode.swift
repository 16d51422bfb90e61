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
        let bytes = text.utf8
        guard bytes.count == 3 else { return nil }
        var index = bytes.startIndex
        let first = bytes[index]
        bytes.formIndex(after: &index)
        let second = bytes[index]
        bytes.formIndex(after: &index)
        self.init(digits: first, second, bytes[index])
    }

    /// Reads three ASCII digits, or returns `nil` when one is not a digit or they are not a reply code.
    init?(digits first: UInt8, _ second: UInt8, _ third: UInt8) {
        func digit(_ byte: UInt8) -> Int? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte &- UInt8(ascii: "0")) : nil
        }
        guard let hundreds = digit(first), let tens = digit(second), let units = digit(third) else { return nil }
        self.init(hundreds * 100 + tens * 10 + units)
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
