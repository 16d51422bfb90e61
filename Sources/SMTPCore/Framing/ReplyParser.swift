/// Aggregates reply lines into replies: continuation lines (`250-...`) are collected until the last line
/// (`250 ...`); every line must carry the same code (RFC 5321 §4.2.1).
///
/// After a defect the partial reply is dropped and the parser starts afresh with the next line.
public struct ReplyParser: Sendable, Hashable {
    private var code: ReplyCode?
    private var partialLines: [String] = []

    /// Creates an empty parser.
    public init() {}

    /// The continuation lines received so far for an unfinished reply.
    public var partial: [String] { partialLines }

    /// Whether a multi-line reply is in progress.
    public var isMidReply: Bool { code != nil }

    /// Feeds one line (without CRLF). Returns the reply when this was its last line, a defect for a malformed
    /// or mixed-code line, and `nil` while more lines are needed.
    public mutating func feed(_ line: String) -> Result<Reply, ProtocolDefect>? {
        let parsed: ReplyLine
        switch ReplyLine.parse(line) {
        case .success(let value): parsed = value
        case .failure(let defect):
            reset()
            return .failure(defect)
        }
        if let code, parsed.code != code {
            reset()
            return .failure(.mixedCodes(expected: code.value, got: line))
        }
        if parsed.isLast {
            let reply = Reply(code: parsed.code, lines: partialLines + [parsed.text])
            reset()
            return .success(reply)
        }
        code = parsed.code
        partialLines.append(parsed.text)
        return nil
    }

    /// Call when the connection closes: a defect when a multi-line reply was left unfinished, otherwise `nil`.
    public mutating func connectionClosed() -> ProtocolDefect? {
        guard let code else { return nil }
        let partial = partialLines.map { "\(code.value)-\($0)" }
        reset()
        return .connectionClosedMidReply(partial: partial)
    }

    /// Drops any partial reply.
    public mutating func reset() {
        code = nil
        partialLines = []
    }
}
