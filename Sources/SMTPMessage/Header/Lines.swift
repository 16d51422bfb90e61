/// One line of a byte sequence: where its text is and where the next line starts. A line ends at LF; a CR just
/// before the LF belongs to the line end, so CRLF and bare LF messages read the same.
struct Line: Sendable, Hashable {
    /// The line's first octet.
    let start: Int
    /// Just past the line's last octet of text (its line end excluded).
    let contentEnd: Int
    /// Where the next line starts (just past the LF, or the end of the bytes when the line has no LF).
    let next: Int

    /// Whether the line has no text.
    var isEmpty: Bool { contentEnd == start }

    /// The line that starts at `start` in `bytes`, looking at most `window` octets ahead for its LF; `nil` when
    /// there is no LF within the window and more bytes follow it (a line too long to look at).
    static func at(_ start: Int, in bytes: ArraySlice<UInt8>, window: Int = .max) -> Line? {
        let searchEnd = window >= bytes.endIndex - start ? bytes.endIndex : start + window
        let lf = bytes[start..<searchEnd].firstIndex(of: UInt8(ascii: "\n"))
        if lf == nil && searchEnd < bytes.endIndex { return nil }
        let end = lf ?? bytes.endIndex
        var contentEnd = end
        if lf != nil && contentEnd > start && bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
        return Line(start: start, contentEnd: contentEnd, next: lf.map { $0 + 1 } ?? bytes.endIndex)
    }
}

/// ASCII classes from RFC 5234 Appendix B.1 and RFC 5322.
enum ASCII {
    /// SP or HTAB (WSP).
    static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// ftext (RFC 5322 §3.6.8): printable US-ASCII except colon.
    static func isFieldNameText(_ byte: UInt8) -> Bool {
        byte >= 33 && byte <= 126 && byte != UInt8(ascii: ":")
    }

    /// The octets without leading and trailing WSP, CR and LF.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        func isSpace(_ byte: UInt8) -> Bool {
            isWhiteSpace(byte) || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        while let first = slice.first, isSpace(first) { slice.removeFirst() }
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        return slice
    }

    /// The octets as text; invalid UTF-8 becomes U+FFFD.
    static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
