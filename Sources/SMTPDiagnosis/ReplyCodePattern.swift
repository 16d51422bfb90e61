/// The basic reply code part of a catalogue entry's pattern: an exact code (`550`) or a class (`5xx`).
public enum ReplyCodePattern: Sendable, Hashable, CustomStringConvertible {
    /// An exact three-digit code.
    case exact(Int)
    /// A reply class, the first digit (2 to 5), written `5xx`.
    case replyClass(Int)

    /// Parses `550` or `5xx` (`5XX`); `nil` for anything else. A code must be a valid RFC 5321 reply code:
    /// first digit 2-5, second 0-5, third 0-9.
    public init?(_ text: String) {
        let characters = Array(text.lowercased())
        guard characters.count == 3, let klass = characters[0].wholeNumberValue, (2...5).contains(klass),
            characters[0].isASCII
        else { return nil }
        if characters[1] == "x" && characters[2] == "x" {
            self = .replyClass(klass)
            return
        }
        guard characters.allSatisfy({ $0.isASCII && $0.isWholeNumber }), let code = Int(text),
            ReplyCodePattern.isValidCode(code)
        else { return nil }
        self = .exact(code)
    }

    /// Whether an integer is a reply code RFC 5321's grammar allows: first digit 2-5, second 0-5, third 0-9.
    public static func isValidCode(_ code: Int) -> Bool {
        (200...559).contains(code) && (code / 10) % 10 <= 5
    }

    /// Whether a reply code matches.
    public func matches(_ code: Int) -> Bool {
        switch self {
        case .exact(let value): return value == code
        case .replyClass(let digit): return code / 100 == digit
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
