extension Reply {
    /// The reply in wire form without CRLF: `250-first`, ..., `250 last`; a last line with no text is the bare
    /// code. A CR or LF inside a line's text starts a new line, so text can never inject a second reply.
    public var encodedLines: [String] {
        let safeLines = lines.flatMap(\.linesAtAnyLineEnd)
        return safeLines.enumerated().map { index, line in
            if index < safeLines.count - 1 { return "\(code.value)-\(line)" }
            return line.isEmpty ? code.description : "\(code.value) \(line)"
        }
    }

    /// The reply as bytes on the wire, every line ended by CRLF: ``encodedLines``, written straight into one buffer.
    ///
    /// Lines without CR or LF (every reply but a broken persona's) are written as they are, with no split.
    public var encoded: [UInt8] {
        let digits = Array(code.description.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 6 })
        func write(_ line: Substring.UTF8View, last: Bool) {
            bytes.append(contentsOf: digits)
            if !last {
                bytes.append(UInt8(ascii: "-"))
            } else if !line.isEmpty {
                bytes.append(UInt8(ascii: " "))
            }
            bytes.append(contentsOf: line)
            bytes.append(13)
            bytes.append(10)
        }
        if !lines.contains(where: { $0.utf8.contains { $0 == 13 || $0 == 10 } }) {
            for (index, line) in lines.enumerated() { write(line[...].utf8, last: index == lines.count - 1) }
            return bytes
        }
        let safeLines = lines.flatMap(\.linesAtAnyLineEnd)
        for (index, line) in safeLines.enumerated() { write(line.utf8, last: index == safeLines.count - 1) }
        return bytes
    }
}
