extension StringProtocol {
    /// The text's lines, split at every line end: CRLF, a lone LF or a lone CR. A text that ends in a line end has
    /// an empty last line, and an empty text is one empty line.
    ///
    /// Splits on the UTF-8 bytes (a line end is ASCII, so no character is ever cut), which costs far less than
    /// splitting on `Character`s, where CRLF is one grapheme cluster. Inlinable, so that other modules get it
    /// specialized for their string type: unspecialized, every byte went through a protocol witness.
    @inlinable
    public var linesAtAnyLineEnd: [SubSequence] {
        var lines: [SubSequence] = []
        let bytes = utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard byte == 13 || byte == 10 else {
                bytes.formIndex(after: &index)
                continue
            }
            lines.append(self[start..<index])
            bytes.formIndex(after: &index)
            if byte == 13, index != bytes.endIndex, bytes[index] == 10 { bytes.formIndex(after: &index) }
            start = index
        }
        lines.append(self[start..<bytes.endIndex])
        return lines
    }
}
