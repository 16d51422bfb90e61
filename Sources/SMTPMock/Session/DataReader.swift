/// Reads the message after DATA's 354: removes dot-stuffing and finds the end of data.
///
/// Only `<CRLF>.<CRLF>` ends the data (RFC 5321 §4.1.1.4); a line starts only after CRLF, so
/// `\n.\n`, `\n.\r\n` and `\r.\r` are kept as they are and never end the message (SMTP smuggling).
struct DataReader: Sendable, Hashable {
    private enum State: Sendable, Hashable {
        case lineStart, dotAtLineStart, dotCarriageReturn, middle, carriageReturn
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let dot = UInt8(ascii: ".")

    private var state = State.lineStart
    private var lineLength = 0
    /// The content so far, without stuffing dots; stops growing past the size limit.
    private(set) var content: [UInt8] = []
    /// The content's size in octets, counted even past the limit.
    private(set) var size = 0
    /// Whether a text line was over 1000 octets including CRLF.
    private(set) var lineTooLong = false
    /// The largest content kept, in octets.
    let sizeLimit: Int?
    /// The longest text line allowed, including CRLF.
    let maxLineLength: Int

    init(sizeLimit: Int?, maxLineLength: Int = 1000) {
        self.sizeLimit = sizeLimit
        self.maxLineLength = maxLineLength
    }

    /// Whether the content went over the size limit.
    var tooBig: Bool {
        guard let sizeLimit else { return false }
        return size > sizeLimit
    }

    /// Reads bytes; returns how many were consumed and whether the end of data was among them.
    mutating func read(_ bytes: ArraySlice<UInt8>) -> (consumed: Int, ended: Bool) {
        var consumed = 0
        for byte in bytes {
            consumed += 1
            if step(byte) { return (consumed, true) }
        }
        return (consumed, false)
    }

    private mutating func step(_ byte: UInt8) -> Bool {
        switch state {
        case .lineStart:
            if byte == Self.dot {
                state = .dotAtLineStart
            } else if byte == Self.cr {
                state = .carriageReturn
            } else {
                append(byte)
                state = .middle
            }
        case .dotAtLineStart:
            if byte == Self.cr {
                state = .dotCarriageReturn
            } else {
                append(byte)
                state = .middle
            }
        case .dotCarriageReturn:
            if byte == Self.lf { return true }
            append(Self.cr)
            if byte == Self.cr {
                state = .carriageReturn
            } else {
                append(byte)
                state = .middle
            }
        case .middle:
            if byte == Self.cr {
                state = .carriageReturn
            } else {
                append(byte)
            }
        case .carriageReturn:
            if byte == Self.lf {
                append(Self.cr)
                append(Self.lf)
                endLine()
                state = .lineStart
            } else if byte == Self.cr {
                append(Self.cr)
            } else {
                append(Self.cr)
                append(byte)
                state = .middle
            }
        }
        return false
    }

    private mutating func append(_ byte: UInt8) {
        size += 1
        lineLength += 1
        if lineLength > maxLineLength { lineTooLong = true }
        if let sizeLimit, size > sizeLimit { return }
        content.append(byte)
    }

    private mutating func endLine() {
        lineLength = 0
    }
}
