extension Reply {
    /// The reply in wire form without CRLF: `250-first`, ..., `250 last`; a last line with no text is the bare
    /// code. A CR or LF inside a line's text starts a new line, so text can never inject a second reply.
    public var encodedLines: [String] {
        let safeLines = lines.flatMap { line -> [String] in
            line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
                .map(String.init)
        }
        return safeLines.enumerated().map { index, line in
            if index < safeLines.count - 1 { return "\(code.value)-\(line)" }
            return line.isEmpty ? code.description : "\(code.value) \(line)"
        }
    }

    /// The reply as bytes on the wire, every line ended by CRLF.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        for line in encodedLines {
            bytes.append(contentsOf: line.utf8)
            bytes.append(contentsOf: [13, 10])
        }
        return bytes
    }
}
