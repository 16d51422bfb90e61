/// The basic reply code part of a pattern, as the expectation language and the reasons catalogue write it: an
/// exact code (`550`) or a reply class (`5xx`).
public enum ReplyCodePattern: Sendable, Hashable, CustomStringConvertible {
    /// An exact three-digit code.
    case exact(Int)
    /// A reply class, the first digit (2 to 5), written `5xx`.
    case replyClass(Int)

    /// Parses `550` or `5xx` (`5XX`); `nil` for anything else. An exact code must be a valid RFC 5321 reply code
    /// (``ReplyCode``): first digit 2-5, second 0-5, third 0-9.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 3, (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(bytes[0]) else { return nil }
        let klass = Int(bytes[0] - UInt8(ascii: "0"))
        if bytes[1] | 0x20 == UInt8(ascii: "x"), bytes[2] | 0x20 == UInt8(ascii: "x") {
            self = .replyClass(klass)
            return
        }
        guard let code = ReplyCode(parsing: text) else { return nil }
        self = .exact(code.value)
    }

    /// Whether a reply code matches.
    public func matches(_ code: Int) -> Bool {
        switch self {
        case .exact(let value): return value == code
        case .replyClass(let digit): return code / 100 == digit
        }
    }

    /// The reply class (first digit) every code matching the pattern has.
    public var klass: Int {
        switch self {
        case .exact(let value): return value / 100
        case .replyClass(let digit): return digit
        }
    }

    /// `550` or `5xx`.
    public var description: String {
        switch self {
        case .exact(let value): return String(value)
        case .replyClass(let digit): return "\(digit)xx"
        }
    }
}
