/// Prepares a message for DATA (RFC 5321 §4.5.2): canonical CRLF line ends, dot-stuffing, and the end marker.
public enum MessageEncoder {
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let dot = UInt8(ascii: ".")

    /// The bytes to send after DATA's 354: every bare CR, bare LF and CRLF becomes CRLF, a line starting with "."
    /// gets a second ".", the message ends with CRLF, then ".\r\n" follows. No content can end DATA early.
    public static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        let normalised = normalisedLineEndings(message)
        var out: [UInt8] = []
        out.reserveCapacity(normalised.count + normalised.count / 64 + 5)
        var atLineStart = true
        for byte in normalised {
            if atLineStart && byte == dot { out.append(dot) }
            out.append(byte)
            atLineStart = byte == lf
        }
        if !out.isEmpty && !atLineStart { out += [cr, lf] }
        out += [dot, cr, lf]
        return out
    }

    /// `message` with every bare CR, bare LF and CRLF turned into CRLF, and a final CRLF added when the message is
    /// not empty and lacks one. This is what the receiver gets back after unstuffing; BDAT sends it as is.
    public static func normalisedLineEndings(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 2)
        var index = 0
        while index < message.count {
            let byte = message[index]
            if byte == cr {
                out += [cr, lf]
                index += index + 1 < message.count && message[index + 1] == lf ? 2 : 1
            } else if byte == lf {
                out += [cr, lf]
                index += 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        if !out.isEmpty && out.last != lf { out += [cr, lf] }
        return out
    }

    /// The 1-based numbers of lines longer than RFC 5321's 1000 octets including CRLF (§4.5.3.1.6), counted
    /// after normalisation.
    public static func overlongLines(in message: [UInt8], limit: Int = SMTPLimits.textLine) -> [Int] {
        var result: [Int] = []
        var lineNumber = 1
        var length = 0
        for byte in normalisedLineEndings(message) {
            length += 1
            if byte == lf {
                if length > limit { result.append(lineNumber) }
                lineNumber += 1
                length = 0
            }
        }
        return result
    }
}
