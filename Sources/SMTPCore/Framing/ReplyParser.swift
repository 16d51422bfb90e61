/// Aggregates reply lines into replies: continuation lines (`250-...`) are collected until the last line
/// (`250 ...`); every line must carry the same code (RFC 5321 §4.2.1).
///
/// After a defect the partial reply is dropped and the parser starts afresh with the next line.
///
/// RFC 5321 sets no limit on the number of lines in a reply, so a hostile server could send `250-x` forever
/// and a parser that keeps every line would grow until memory runs out. A reply is therefore capped at
/// ``defaultMaxLines`` lines and ``defaultMaxOctets`` octets (CRLFs included): far above any real reply (an
/// EHLO reply has a few dozen lines, a long HELP text a few hundred), far below anything that hurts. Past
/// either limit the parser reports ``ProtocolDefect/replyTooLong(lines:octets:start:)`` once, keeps only the
/// first lines to quote, and skips the rest of that reply up to its last line.
public struct ReplyParser: Sendable, Hashable {
    /// The most lines one reply may have: 1,000.
    public static let defaultMaxLines = 1_000
    /// The most octets one reply may have, counting each line with its CRLF: 64 KiB (65,536).
    public static let defaultMaxOctets = 65_536
    /// How many of an over-long reply's first lines its defect quotes.
    public static let quotedLines = 3

    /// The most lines one reply may have.
    public let maxLines: Int
    /// The most octets one reply may have, counting each line with its CRLF.
    public let maxOctets: Int
    private var code: ReplyCode?
    private var partialLines: [String] = []
    private var partialOctets = 0
    private var skippingCode: ReplyCode?

    /// Creates an empty parser with the given limits (at least one line and one 512-octet line).
    public init(maxLines: Int = Self.defaultMaxLines, maxOctets: Int = Self.defaultMaxOctets) {
        self.maxLines = max(1, maxLines)
        self.maxOctets = max(SMTPLimits.replyLine, maxOctets)
    }

    /// The continuation lines received so far for an unfinished reply.
    public var partial: [String] { partialLines }

    /// Whether a multi-line reply is in progress (or the rest of an over-long one is being skipped).
    public var isMidReply: Bool { code != nil || skippingCode != nil }

    /// Feeds one line (without CRLF). Returns the reply when this was its last line, a defect for a malformed
    /// or mixed-code line or a reply over the limits, and `nil` while more lines are needed.
    public mutating func feed(_ line: String) -> Result<Reply, ProtocolDefect>? {
        feed(ReplyLine.parse(line), octets: line.utf8.count, line: { line })
    }

    /// Feeds one line's octets (without CRLF), as ``feed(_:)`` feeds its text: only the text after the code becomes
    /// a string, and the whole line only for a defect.
    mutating func feed(utf8 bytes: ArraySlice<UInt8>) -> Result<Reply, ProtocolDefect>? {
        bytes.withUnsafeBufferPointer { buffer in
            let line = { String(decoding: buffer, as: UTF8.self) }
            return feed(ReplyLine.parse(utf8: buffer, line: line), octets: buffer.count, line: line)
        }
    }

    private mutating func feed(
        _ parsing: Result<ReplyLine, ProtocolDefect>,
        octets lineOctets: Int,
        line: () -> String
    ) -> Result<Reply, ProtocolDefect>? {
        let parsed: ReplyLine
        switch parsing {
        case .success(let value): parsed = value
        case .failure(let defect):
            reset()
            return .failure(defect)
        }
        if let skipping = skippingCode {
            // The rest of a reply already reported as too long: drop it up to its last line.
            if parsed.code != skipping || parsed.isLast { skippingCode = nil }
            if parsed.code == skipping { return nil }
        }
        if let code, parsed.code != code {
            reset()
            return .failure(.mixedCodes(expected: code.value, got: line()))
        }
        let lineCount = partialLines.count + 1
        let octets = partialOctets + lineOctets + 2
        if lineCount > maxLines || octets > maxOctets {
            let start = partialLines.prefix(Self.quotedLines).map { "\(parsed.code.value)-\($0)" }
            reset()
            if !parsed.isLast { skippingCode = parsed.code }
            return .failure(.replyTooLong(lines: lineCount, octets: octets, start: start))
        }
        if parsed.isLast {
            partialLines.append(parsed.text)
            let reply = Reply(code: parsed.code, lines: partialLines)
            reset()
            return .success(reply)
        }
        code = parsed.code
        partialLines.append(parsed.text)
        partialOctets = octets
        return nil
    }

    /// Call when the connection closes: a defect when a multi-line reply was left unfinished, otherwise `nil`.
    public mutating func connectionClosed() -> ProtocolDefect? {
        guard let code else {
            reset()
            return nil
        }
        let partial = partialLines.map { "\(code.value)-\($0)" }
        reset()
        return .connectionClosedMidReply(partial: partial)
    }

    /// Drops any partial reply.
    public mutating func reset() {
        code = nil
        partialLines = []
        partialOctets = 0
        skippingCode = nil
    }
}
