/// The shared byte buffer behind `ReplyLineFramer` and `CommandLineFramer`: splits bytes into lines at LF,
/// caps line length and never holds more than one over-long line's worth of bytes.
struct LineBuffer: Sendable, Hashable {
    /// What the buffer found, with a line's content left in the buffer: read it with ``content(_:)`` before the
    /// next ``append(_:)``, which may move the bytes.
    enum Event: Sendable, Hashable {
        /// A complete line: its content's position in the buffer; `octets` includes the ending.
        case line(content: Range<Int>, octets: Int, bareLineFeed: Bool)
        /// A line over the limit; the rest of it up to the next LF is discarded.
        case tooLong(octets: Int)
    }

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The longest line allowed, including CRLF.
    let maxLineLength: Int
    private var bytes: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var discarding = false

    init(maxLineLength: Int) {
        self.maxLineLength = max(2, maxLineLength)
    }

    /// Bytes received and not yet returned as a line.
    var bufferedByteCount: Int { discarding ? 0 : bytes.count - start }

    /// Adds received bytes. Callers in other modules pass their own collection types (NIO's `ByteBufferView`, array
    /// slices), for which this generic function is not specialized: contiguous bytes are therefore handed on as one
    /// buffer, not read element by element through the protocol.
    mutating func append(_ newBytes: some Collection<UInt8>) {
        let handled: Void? = newBytes.withContiguousStorageIfAvailable { append(contiguous: $0) }
        if handled == nil { append(contiguous: Array(newBytes)) }
    }

    private mutating func append(contiguous newBytes: some Collection<UInt8>) {
        if start > 0 && start >= bytes.count / 2 {
            bytes.removeFirst(start)
            scanned -= start
            start = 0
        }
        if discarding {
            guard let lineFeed = newBytes.firstIndex(of: Self.lineFeed) else { return }
            discarding = false
            bytes.append(contentsOf: newBytes[newBytes.index(after: lineFeed)...])
            return
        }
        bytes.append(contentsOf: newBytes)
    }

    /// A found line's content, without copying it; valid until the next ``append(_:)``.
    func content(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    /// The next line or over-long line, or `nil` when more bytes are needed; a line's bytes stay in the buffer.
    mutating func next() -> Event? {
        if discarding {
            guard let lineFeed = bytes[start...].firstIndex(of: Self.lineFeed) else {
                start = bytes.count
                scanned = start
                return nil
            }
            discarding = false
            start = lineFeed + 1
            scanned = start
        }
        let limit = min(bytes.count, start + maxLineLength + 1)
        if let lineFeed = bytes[max(scanned, start)..<limit].firstIndex(of: Self.lineFeed) {
            let octets = lineFeed - start + 1
            let lineStart = start
            start = lineFeed + 1
            scanned = start
            if octets > maxLineLength { return .tooLong(octets: octets) }
            let bare = lineFeed == lineStart || bytes[lineFeed - 1] != Self.carriageReturn
            let contentEnd = bare ? lineFeed : lineFeed - 1
            return .line(content: lineStart..<contentEnd, octets: octets, bareLineFeed: bare)
        }
        scanned = limit
        guard bytes.count - start > maxLineLength else { return nil }
        // Over the limit with no LF in sight so far: report once, then drop the rest of the line.
        if let lineFeed = bytes[limit...].firstIndex(of: Self.lineFeed) {
            let octets = lineFeed - start + 1
            start = lineFeed + 1
            scanned = start
            return .tooLong(octets: octets)
        }
        let octets = bytes.count - start
        start = bytes.count
        scanned = start
        discarding = true
        return .tooLong(octets: octets)
    }

    /// Removes and returns the buffered bytes that are not yet part of a returned line.
    mutating func takeBufferedBytes() -> [UInt8] {
        let rest = discarding ? [] : Array(bytes[start...])
        bytes = []
        start = 0
        scanned = 0
        discarding = false
        return rest
    }
}
