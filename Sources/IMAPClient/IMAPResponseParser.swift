/// Turns the octets a server sends into ``IMAPResponse``s. Pure: no I/O, fed with ``append(_:)``, drained with
/// ``next()``.
///
/// Framing first: a response is a line ending in CRLF, unless the line ends with a literal marker `{n}` (or
/// `~{n}`, a literal8), in which case `n` octets of literal data follow and the response goes on with another
/// line. Each line is capped at ``IMAPLimits/maxLineLength``, each literal at ``IMAPLimits/maxLiteralSize`` (checked
/// when announced, before any of it is buffered) and the whole response at ``IMAPLimits/maxResponseSize``.
/// Then the response is decoded: continuation, tagged or untagged; status responses with their response code;
/// CAPABILITY, SEARCH, ESEARCH and FETCH data. After a thrown error the parser must not be used again.
public struct IMAPResponseParser: Sendable {
    /// The bounds this parser enforces.
    public let limits: IMAPLimits
    private var buffer: [UInt8] = []
    /// The first octet of `buffer` not yet consumed.
    private var start = 0
    /// Where the search for the next LF resumes (no LF between `start` and here).
    private var scanned = 0
    /// The parts of the response being framed.
    private var parts: [IMAPResponsePart] = []
    /// The size of the response being framed, so far.
    private var responseSize = 0
    /// The size of the literal the current response announced and is waiting for.
    private var pendingLiteral: Int?

    /// A parser with the given limits.
    public init(limits: IMAPLimits = IMAPLimits()) {
        self.limits = limits
    }

    /// Adds octets received from the server.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The number of octets received and not yet part of a returned response.
    public var bufferedByteCount: Int {
        buffer.count - start
            + parts.reduce(0) { total, part in
                switch part {
                case .text(let text): total + text.count
                case .literal(let literal): total + literal.count
                }
            }
    }

    /// Drops everything received and not yet returned, and returns how many octets that was: after the server's
    /// OK to STARTTLS, whatever is buffered arrived in plaintext before the handshake and must not be used.
    public mutating func discardBuffered() -> Int {
        let count = bufferedByteCount
        buffer = []
        start = 0
        scanned = 0
        parts = []
        responseSize = 0
        pendingLiteral = nil
        return count
    }

    /// The next complete response, or `nil` when more octets are needed.
    public mutating func next() throws(IMAPError) -> IMAPResponse? {
        while true {
            if let size = pendingLiteral {
                guard buffer.count - start >= size else { return nil }
                parts.append(.literal(Array(buffer[start..<(start + size)])))
                start += size
                scanned = start
                pendingLiteral = nil
                continue
            }
            guard let lineFeed = buffer[scanned...].firstIndex(of: 10) else {
                scanned = buffer.count
                // One more octet than the limit may be the CR of a line of exactly the maximum length.
                if buffer.count - start > limits.maxLineLength + 1 {
                    throw .limitExceeded("a response line is longer than \(limits.maxLineLength) octets")
                }
                return nil
            }
            var end = lineFeed
            if end > start, buffer[end - 1] == 13 { end -= 1 }
            let line = Array(buffer[start..<end])
            start = lineFeed + 1
            scanned = start
            guard line.count <= limits.maxLineLength else {
                throw .limitExceeded("a response line is longer than \(limits.maxLineLength) octets")
            }
            try addToResponse(line.count + 2)
            if let (text, size) = try Self.literalMarker(in: line) {
                guard size <= limits.maxLiteralSize else {
                    throw .limitExceeded(
                        "the server announced a literal of \(size) octets (at most \(limits.maxLiteralSize))"
                    )
                }
                try addToResponse(size)
                parts.append(.text(text))
                pendingLiteral = size
                continue
            }
            parts.append(.text(line))
            let complete = parts
            parts = []
            responseSize = 0
            compact()
            return try IMAPResponseDecoder.decode(complete, limits: limits)
        }
    }

    private mutating func addToResponse(_ octets: Int) throws(IMAPError) {
        responseSize += octets
        guard responseSize <= limits.maxResponseSize else {
            throw .limitExceeded("a response is larger than \(limits.maxResponseSize) octets")
        }
    }

    /// Drops consumed octets once they are the larger part of the buffer.
    private mutating func compact() {
        guard start > 4096, start * 2 > buffer.count else { return }
        buffer.removeFirst(start)
        scanned -= start
        start = 0
    }

    /// When `line` ends with `{n}`, `{n+}`, `~{n}` or `~{n+}`: the text before the marker and `n`.
    static func literalMarker(in line: [UInt8]) throws(IMAPError) -> ([UInt8], Int)? {
        guard line.last == UInt8(ascii: "}") else { return nil }
        var index = line.count - 2
        if index >= 0, line[index] == UInt8(ascii: "+") { index -= 1 }
        let lastDigit = index
        while index >= 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index]) { index -= 1 }
        guard index >= 0, line[index] == UInt8(ascii: "{"), index < lastDigit else { return nil }
        let digits = line[(index + 1)...lastDigit]
        guard digits.count <= 10, let size = Int(String(decoding: digits, as: UTF8.self)) else {
            throw .protocolViolation("a literal size that is not a number: \(String(decoding: digits, as: UTF8.self))")
        }
        var textEnd = index
        if textEnd > 0, line[textEnd - 1] == UInt8(ascii: "~") { textEnd -= 1 }
        return (Array(line[..<textEnd]), size)
    }
}
