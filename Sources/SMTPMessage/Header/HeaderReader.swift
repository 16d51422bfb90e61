/// Reads a header section (RFC 5322 §2.2) from the start of some octets: field lines, folded lines unfolded
/// (§2.2.3), up to the first empty line or the end of the octets. CRLF and bare LF line ends are both accepted.
public enum HeaderReader {
    /// Reads the header section at the start of `bytes`, and returns it with the index where the body starts
    /// (just past the empty line, or the end of `bytes` when there is no empty line).
    public static func read(
        _ bytes: ArraySlice<UInt8>,
        limits: MessageLimits = .standard
    ) throws(MessageSyntaxError) -> (section: HeaderSection, bodyStart: Int) {
        var fields: [HeaderField] = []
        var pending: (name: String, value: [UInt8], line: Int)?
        var index = bytes.startIndex
        var lineNumber = 0

        func finish() throws(MessageSyntaxError) {
            guard let field = pending else { return }
            guard fields.count < limits.fieldCount else { throw .tooManyFields(limit: limits.fieldCount) }
            let value = ASCII.text(ASCII.trimmed(field.value[...]))
            fields.append(HeaderField(name: field.name, value: value, line: field.line))
            pending = nil
        }

        while index < bytes.endIndex {
            lineNumber += 1
            // Room for the longest allowed line and its CRLF.
            guard let line = Line.at(index, in: bytes, window: limits.lineOctets + 2) else {
                throw .lineTooLong(line: lineNumber, limit: limits.lineOctets)
            }
            if line.next - bytes.startIndex > limits.headerSectionOctets {
                throw .headerSectionTooLarge(limit: limits.headerSectionOctets)
            }
            if line.isEmpty {
                try finish()
                return (HeaderSection(fields: fields), line.next)
            }
            if line.contentEnd - line.start > limits.lineOctets {
                throw .lineTooLong(line: lineNumber, limit: limits.lineOctets)
            }
            let text = bytes[line.start..<line.contentEnd]
            if let first = text.first, ASCII.isWhiteSpace(first) {
                guard pending != nil else { throw .continuationWithoutField(line: lineNumber) }
                // Unfolding removes the line end only; the white space that starts the line stays.
                pending?.value.append(contentsOf: text)
            } else {
                try finish()
                pending = try field(text, line: lineNumber)
            }
            index = line.next
        }
        try finish()
        return (HeaderSection(fields: fields), bytes.endIndex)
    }

    /// Splits a field line into its name and the start of its value. The obsolete syntax's white space between
    /// the name and the colon (RFC 5322 §4.5) is accepted.
    private static func field(
        _ text: ArraySlice<UInt8>,
        line: Int
    ) throws(MessageSyntaxError) -> (name: String, value: [UInt8], line: Int) {
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { throw .missingColon(line: line) }
        var nameEnd = colon
        while nameEnd > text.startIndex && ASCII.isWhiteSpace(text[nameEnd - 1]) { nameEnd -= 1 }
        let name = text[text.startIndex..<nameEnd]
        guard !name.isEmpty, name.allSatisfy(ASCII.isFieldNameText) else { throw .invalidFieldName(line: line) }
        return (ASCII.text(name), Array(text[(colon + 1)...]), line)
    }
}
