/// One SMTP reply: a reply code and the text of every line (RFC 5321 §4.2).
///
/// Every line is kept, since EHLO capabilities live in the continuation lines. `lines` holds the text after the
/// code and its separator; a line with no text is `""`.
public struct Reply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, the same on every line.
    public let code: ReplyCode
    /// The text of every line after the code and its separator (`-` or SP), in order; never empty.
    public let lines: [String]

    /// Creates a reply. An empty `lines` is treated as one line with no text.
    public init(code: ReplyCode, lines: [String]) {
        self.code = code
        self.lines = lines.isEmpty ? [""] : lines
    }

    /// Creates a reply whose text lines are `text` split at `\n` (a `\r` before it is dropped).
    ///
    /// `code` should be valid (see `ReplyCode.init?(_:)`); an invalid code becomes 451 so that a server never
    /// writes a malformed reply. Validate codes read from files with `ReplyCode.init?(_:)` first.
    public init(_ code: Int, _ text: String) {
        self.init(code: ReplyCode(code) ?? .localError, text: text)
    }

    /// Creates a reply whose text lines are `text` split at `\n` (a `\r` before it is dropped).
    public init(code: ReplyCode, text: String) {
        self.init(code: code, lines: Self.splitLines(text))
    }

    /// The reply class (first digit).
    public var replyClass: ReplyClass { code.replyClass }

    /// Whether the reply is 2yz.
    public var isPositiveCompletion: Bool { code.replyClass == .positiveCompletion }

    /// The enhanced status code at the start of the first line's text (RFC 2034), if there is one.
    public var enhancedStatusCode: EnhancedStatusCode? {
        EnhancedStatusCode.leadingCode(in: lines[0])
    }

    /// A defect to report when the enhanced status code's class differs from the reply code's first digit.
    /// The reply is still usable; the runner reports this as a server defect.
    public var enhancedStatusCodeDefect: ProtocolDefect? {
        guard let enhanced = enhancedStatusCode, enhanced.klass != code.firstDigit else { return nil }
        return .enhancedCodeClassMismatch(code: code.value, enhanced: enhanced.description)
    }

    /// All lines' text joined with `\n`, exactly as received (enhanced codes included).
    public var text: String { lines.joined(separator: "\n") }

    /// The text with a leading enhanced status code removed from every line that has one.
    public var textWithoutEnhancedCode: String {
        lines.map { EnhancedStatusCode.leading(in: $0)?.rest ?? $0 }.joined(separator: "\n")
    }

    /// The first line as it would appear on the wire, for example `250 2.1.5 Ok`; later lines are summarised.
    public var description: String {
        let first = lines[0].isEmpty ? code.description : "\(code.value) \(lines[0])"
        return lines.count == 1 ? first : first + " (+\(lines.count - 1) more line(s))"
    }

    static func splitLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
    }
}
