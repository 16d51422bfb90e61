/// Reads message data after DATA's 354 on the server side (RFC 5321 §4.5.2), incrementally: removes the
/// stuffed dot at the start of lines and stops at CRLF "." CRLF.
///
/// Only CRLF "." CRLF ends the data: `\n.\n`, `\n.\r\n` and `\r.\r` are message content (SMTP smuggling
/// sequences), and are counted in `bareLineFeeds` / `bareCarriageReturns` so a server can refuse them.
public struct DotUnstuffer: Sendable, Hashable {
    /// What `feed` found.
    public enum Progress: Sendable, Hashable {
        /// The end marker has not arrived yet.
        case needMore
        /// The end marker arrived: the message, and the bytes that followed the marker (pipelined commands).
        case complete(DotUnstuffedMessage, remainder: [UInt8])
    }

    private enum State: Sendable, Hashable {
        case lineStart, middle, carriageReturn, dotAtLineStart, dotCarriageReturn
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let dot = UInt8(ascii: ".")

    /// The most octets kept; more are counted but dropped, and `sizeExceeded` is set.
    public let maxMessageSize: Int?
    private var state = State.lineStart
    private var message: [UInt8] = []
    private var octets = 0
    private var lineLength = 0
    private var longLines = 0
    private var bareLF = 0
    private var bareCR = 0
    private var finished = false

    /// Creates a reader; `maxMessageSize` in octets after unstuffing (`nil`: no limit).
    public init(maxMessageSize: Int? = nil) {
        self.maxMessageSize = maxMessageSize
    }

    /// Feeds received octets. After `.complete`, create a new reader for the next message.
    ///
    /// Contiguous octets (an array, a slice, NIO's `ByteBufferView`) are read in place; this generic function is
    /// not specialized for other modules' types, so it never reads them element by element.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> Progress {
        guard !finished else { return .complete(result, remainder: Array(bytes)) }
        if let progress = bytes.withContiguousStorageIfAvailable({ feed(contiguous: $0) }) { return progress }
        return Array(bytes).withUnsafeBufferPointer { feed(contiguous: $0) }
    }

    private mutating func feed(contiguous input: UnsafeBufferPointer<UInt8>) -> Progress {
        var index = 0
        while index < input.count {
            if state == .middle {
                // Fast path: copy the run of ordinary octets up to the next CR or LF in one go.
                var end = index
                while end < input.count && input[end] != Self.cr && input[end] != Self.lf { end += 1 }
                if end > index {
                    emit(input[index..<end])
                    index = end
                    continue
                }
            }
            let byte = input[index]
            index += 1
            if step(byte) {
                finished = true
                return .complete(result, remainder: Array(input[index...]))
            }
        }
        return .needMore
    }

    /// Whether the end marker has been seen.
    public var isComplete: Bool { finished }

    /// Removes and returns the unstuffed octets kept so far, for a server that writes the message out as it
    /// arrives instead of holding it; the size accounting goes on, and the final message holds only what came
    /// after the last call.
    public mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &message)
        return taken
    }

    private var result: DotUnstuffedMessage {
        DotUnstuffedMessage(
            bytes: message,
            octets: octets,
            sizeExceeded: maxMessageSize.map { octets > $0 } ?? false,
            overlongLines: longLines,
            bareLineFeeds: bareLF,
            bareCarriageReturns: bareCR
        )
    }

    /// Handles one octet; returns true at the end marker.
    private mutating func step(_ byte: UInt8) -> Bool {
        switch state {
        case .lineStart:
            if byte == Self.dot {
                state = .dotAtLineStart
            } else {
                ordinary(byte)
            }
        case .middle, .carriageReturn:
            ordinary(byte)
        case .dotAtLineStart:
            // The leading dot is dropped: either stuffing ("..x" -> ".x") or, when not followed by CRLF, a
            // client that forgot to stuff (RFC 5321 §4.5.2 still deletes it).
            if byte == Self.cr {
                state = .dotCarriageReturn
            } else {
                ordinary(byte)
            }
        case .dotCarriageReturn:
            if byte == Self.lf { return true }
            emit(Self.cr)
            state = .carriageReturn
            ordinary(byte)
        }
        return false
    }

    /// An octet that is content, with line-end bookkeeping.
    private mutating func ordinary(_ byte: UInt8) {
        let previousWasCR = state == .carriageReturn
        if previousWasCR && byte != Self.lf { bareCR += 1 }
        emit(byte)
        if byte == Self.lf {
            if !previousWasCR { bareLF += 1 }
            if lineLength > SMTPLimits.textLine { longLines += 1 }
            lineLength = 0
            state = previousWasCR ? .lineStart : .middle
        } else {
            state = byte == Self.cr ? .carriageReturn : .middle
        }
    }

    private mutating func emit(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
        let room = maxMessageSize.map { max(0, $0 - octets) } ?? run.count
        message.append(contentsOf: run.prefix(room))
        octets += run.count
        lineLength += run.count
    }

    private mutating func emit(_ byte: UInt8) {
        octets += 1
        lineLength += 1
        if maxMessageSize.map({ octets <= $0 }) ?? true { message.append(byte) }
    }
}
