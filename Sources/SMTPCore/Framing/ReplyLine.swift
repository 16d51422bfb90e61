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
        var contiguous = line
        return contiguous.withUTF8 { parse(utf8: $0, line: { line }) }
    }

    /// Parses one line's octets (without CRLF), as ``parse(_:)`` does the line; only the text after the separator
    /// becomes a string. `line` gives the whole line as text for a defect.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, line: () -> String) -> Result<ReplyLine, ProtocolDefect> {
        guard bytes.count >= 3, let code = ReplyCode(digits: bytes[0], bytes[1], bytes[2]) else {
            return .failure(.malformedReplyLine(line()))
        }
        if bytes.count == 3 { return .success(ReplyLine(code: code, isLast: true, text: "")) }
        let isLast: Bool
        switch bytes[3] {
        case UInt8(ascii: " "): isLast = true
        case UInt8(ascii: "-"): isLast = false
        default: return .failure(.malformedReplyLine(line()))
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[4...]), as: UTF8.self)
        return .success(ReplyLine(code: code, isLast: isLast, text: text))
    }
}
