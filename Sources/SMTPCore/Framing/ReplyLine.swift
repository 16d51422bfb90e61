/// One parsed reply line: `code "-" text` (more lines follow) or `code [SP text]` (the last line).
public struct ReplyLine: Sendable, Hashable {
    /// The line's reply code.
    public let code: ReplyCode
    /// Whether this is the last line of the reply (separator SP or none).
    public let isLast: Bool
    /// The text after the separator; `""` when there is none.
    public let text: String

    /// Creates a reply line.
    public init(code: ReplyCode, isLast: Bool, text: String) {
        self.code = code
        self.isLast = isLast
        self.text = text
    }

    /// Parses one line (without CRLF). `"250"` and `"250 "` are valid last lines with empty text;
    /// `"25 x"`, `"abc"`, `"2500"` and a first digit outside 2-5 are `.malformedReplyLine`.
    public static func parse(_ line: String) -> Result<ReplyLine, ProtocolDefect> {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = ReplyCode(parsing: String(decoding: bytes[0..<3], as: UTF8.self)) else {
            return .failure(.malformedReplyLine(line))
        }
        if bytes.count == 3 { return .success(ReplyLine(code: code, isLast: true, text: "")) }
        let text = String(decoding: bytes[4...], as: UTF8.self)
        switch bytes[3] {
        case UInt8(ascii: " "): return .success(ReplyLine(code: code, isLast: true, text: text))
        case UInt8(ascii: "-"): return .success(ReplyLine(code: code, isLast: false, text: text))
        default: return .failure(.malformedReplyLine(line))
        }
    }
}
