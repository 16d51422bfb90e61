/// An enhanced mail system status code, `class.subject.detail` (RFC 3463, RFC 2034), such as `5.1.1`.
public struct EnhancedStatusCode: Sendable, Hashable, CustomStringConvertible {
    /// The class: 2 success, 4 persistent transient failure, 5 permanent failure.
    public let klass: Int
    /// The subject (0 to 999): 1 addressing, 2 mailbox, 3 mail system, 4 network, 5 protocol, 6 content,
    /// 7 security or policy.
    public let subject: Int
    /// The detail (0 to 999) within the subject.
    public let detail: Int

    /// Creates a code, or returns `nil` when the class is not 2, 4 or 5 or a number is outside 0...999.
    public init?(klass: Int, subject: Int, detail: Int) {
        guard klass == 2 || klass == 4 || klass == 5, (0...999).contains(subject), (0...999).contains(detail) else {
            return nil
        }
        self.klass = klass
        self.subject = subject
        self.detail = detail
    }

    /// Creates a code from constants known to be valid.
    init(known klass: Int, _ subject: Int, _ detail: Int) {
        self.klass = klass
        self.subject = subject
        self.detail = detail
    }

    /// Parses the whole string as `class.subject.detail`: class 2, 4 or 5, subject and detail 1 to 3 digits.
    public init?(parsing text: some StringProtocol) {
        var contiguous = String(text)
        guard let (code, length) = contiguous.withUTF8({ Self.scan($0) }), length == text.utf8.count else {
            return nil
        }
        self = code
    }

    /// The reply class the enhanced code's class corresponds to.
    public var replyClass: ReplyClass? { ReplyClass(rawValue: klass) }

    /// `5.1.1`.
    public var description: String { "\(klass).\(subject).\(detail)" }

    /// Reads an enhanced code at the start of a line's text when it is followed by a space or the end of the
    /// text (RFC 2034 §4), and returns it with the text after it (leading spaces removed).
    public static func leading(in text: String) -> (code: EnhancedStatusCode, rest: String)? {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard let (code, end) = leadingCode(in: bytes) else { return nil }
            var restStart = end
            while restStart < bytes.count && bytes[restStart] == UInt8(ascii: " ") { restStart += 1 }
            return (code, String(decoding: UnsafeBufferPointer(rebasing: bytes[restStart...]), as: UTF8.self))
        }
    }

    /// The enhanced code at the start of a line's text, as ``leading(in:)`` reads it, without the rest of the text.
    public static func leadingCode(in text: String) -> EnhancedStatusCode? {
        var contiguous = text
        return contiguous.withUTF8 { leadingCode(in: $0)?.code }
    }

    /// The leading code and the octets it takes, when a space or the end of the text follows it.
    private static func leadingCode(in bytes: UnsafeBufferPointer<UInt8>) -> (code: EnhancedStatusCode, end: Int)? {
        guard let (code, length) = scan(bytes) else { return nil }
        if length < bytes.count && bytes[length] != UInt8(ascii: " ") { return nil }
        return (code, length)
    }

    /// Scans `digit "." 1*3digit "." 1*3digit` at the start of `bytes`; returns the code and the octets used.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (EnhancedStatusCode, Int)? {
        var index = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0
            var digits = 0
            while index < bytes.count, digits < maxDigits, let digit = asciiDigit(bytes[index]) {
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            return digits == 0 ? nil : value
        }
        func dot() -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return false }
            index += 1
            return true
        }
        guard let klass = number(maxDigits: 1), dot(), let subject = number(maxDigits: 3), dot(),
            let detail = number(maxDigits: 3)
        else { return nil }
        // A fourth digit means this is not an enhanced code (for example an address 1.2.3.4 or 2.1.1234).
        if index < bytes.count, asciiDigit(bytes[index]) != nil || bytes[index] == UInt8(ascii: ".") {
            return nil
        }
        guard let code = EnhancedStatusCode(klass: klass, subject: subject, detail: detail) else { return nil }
        return (code, index)
    }

    private static func asciiDigit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
