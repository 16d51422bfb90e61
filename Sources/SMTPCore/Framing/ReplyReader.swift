/// A `ReplyLineFramer` and a `ReplyParser` together: append the bytes a server sends, take whole replies.
public struct ReplyReader: Sendable, Hashable {
    /// The line framer.
    public private(set) var framer: ReplyLineFramer
    /// The reply aggregator.
    public private(set) var parser: ReplyParser

    /// Creates a reader; `maxLineLength` includes the CRLF; `maxLines` and `maxOctets` cap one reply (see
    /// ``ReplyParser``), so neither an endless line nor an endless multi-line reply makes it grow without bound.
    public init(
        maxLineLength: Int = SMTPLimits.replyLine,
        maxLines: Int = ReplyParser.defaultMaxLines,
        maxOctets: Int = ReplyParser.defaultMaxOctets
    ) {
        framer = ReplyLineFramer(maxLineLength: maxLineLength)
        parser = ReplyParser(maxLines: maxLines, maxOctets: maxOctets)
    }

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        framer.append(bytes)
    }

    /// The next complete reply, a defect, or `nil` when more bytes are needed.
    public mutating func nextReply() -> Result<Reply, ProtocolDefect>? {
        // Each line is parsed from the framer's buffer: no copy of its octets, and no string but its text.
        while let line = framer.nextLineBytes() {
            switch line {
            case .failure(let defect):
                parser.reset()
                return .failure(defect)
            case .success(let bytes):
                if let result = parser.feed(utf8: bytes) { return result }
            }
        }
        return nil
    }

    /// Call when the connection closes: a defect when a reply was left unfinished (lines or octets pending).
    public mutating func connectionClosed() -> ProtocolDefect? {
        let pending = framer.takeBufferedBytes()
        if var partial = parser.connectionClosed().flatMap({ defect -> [String]? in
            if case .connectionClosedMidReply(let lines) = defect { return lines }
            return nil
        }) {
            if !pending.isEmpty { partial.append(String(decoding: pending, as: UTF8.self)) }
            return .connectionClosedMidReply(partial: partial)
        }
        if !pending.isEmpty {
            return .connectionClosedMidReply(partial: [String(decoding: pending, as: UTF8.self)])
        }
        return nil
    }

    /// Octets received and not yet part of a returned reply line.
    public var bufferedByteCount: Int { framer.bufferedByteCount }

    /// Whether nothing is pending: no partial reply and no buffered octets. After a STARTTLS 220 anything
    /// pending is plaintext injected before the handshake.
    public var isIdle: Bool { framer.bufferedByteCount == 0 && !parser.isMidReply }

    /// Removes and returns buffered octets and any partial reply, e.g. before starting TLS; returns how many
    /// octets were discarded (0 when the server behaved).
    public mutating func discardPending() -> Int {
        let partialOctets = parser.partial.reduce(0) { $0 + $1.utf8.count + 6 }
        parser.reset()
        return framer.takeBufferedBytes().count + partialOctets
    }
}
