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
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }

    /// Appends the reply as bytes on the wire to `bytes` (see ``encoded``): for a server that gathers the replies
    /// to one read in one buffer.
    ///
    /// Lines without CR or LF (every reply but a broken persona's) are copied as they are, with no split.
    public func encode(into bytes: inout [UInt8]) {
        // Three digits: ReplyCode keeps its value in 200...599.
        let value = code.value
        let digits = (UInt8(48 + value / 100), UInt8(48 + value / 10 % 10), UInt8(48 + value % 10))
        func write(_ line: Substring, last: Bool) {
            bytes.append(digits.0)
            bytes.append(digits.1)
            bytes.append(digits.2)
            if !last {
                bytes.append(UInt8(ascii: "-"))
            } else if !line.isEmpty {
                bytes.append(UInt8(ascii: " "))
            }
            var line = line
            line.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(13)
            bytes.append(10)
        }
        // Room for the whole reply at once; doubling, since a server appends many replies to one buffer and
        // reserving exactly would copy it at each.
        let needed = lines.reduce(0) { $0 + $1.utf8.count + 6 }
        if bytes.capacity - bytes.count < needed {
            bytes.reserveCapacity(max(bytes.count + needed, 2 * bytes.capacity))
        }
        if !lines.contains(where: { $0.utf8.contains { $0 == 13 || $0 == 10 } }) {
            for (index, line) in lines.enumerated() { write(line[...], last: index == lines.count - 1) }
            return
        }
        let safeLines = lines.flatMap(\.linesAtAnyLineEnd)
        for (index, line) in safeLines.enumerated() { write(line, last: index == safeLines.count - 1) }
    }
}
