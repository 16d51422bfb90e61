/// A cursor over the octets of a structured field body (RFC 5322 §3.2): skips comments and folding white space
/// and reads the lexical tokens that message identifiers and MIME parameters are made of.
struct StructuredScanner {
    /// The octets.
    let bytes: [UInt8]
    /// The next octet to read.
    var index = 0

    /// A scanner over `text`'s UTF-8.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Whether every octet has been read.
    var isAtEnd: Bool { index >= bytes.count }

    /// The next octet, or `nil` at the end.
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips white space and comments (CFWS, RFC 5322 §3.2.2); returns `false` when a comment is not closed.
    /// Comments nest; a quoted-pair inside one stands for its second octet.
    mutating func skipCFWS() -> Bool {
        while let byte = peek {
            if ASCII.isWhiteSpace(byte) || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                index += 1
            } else if byte == UInt8(ascii: "(") {
                var depth = 0
                while let inner = peek {
                    index += 1
                    if inner == UInt8(ascii: "\\") {
                        index += 1
                    } else if inner == UInt8(ascii: "(") {
                        depth += 1
                    } else if inner == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                }
                if depth != 0 { return false }
            } else {
                return true
            }
        }
        return true
    }

    /// Reads `byte` when it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Reads the longest run of octets that satisfy `predicate`.
    mutating func run(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = index
        while let byte = peek, predicate(byte) { index += 1 }
        return bytes[start..<index]
    }

    /// Reads a quoted-string's content (RFC 5322 §3.2.4) when the next octet is `"`, quoted-pairs resolved;
    /// `nil` when it is not closed.
    mutating func quotedString() -> [UInt8]? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var content: [UInt8] = []
        while let byte = peek {
            index += 1
            if byte == UInt8(ascii: "\"") { return content }
            if byte == UInt8(ascii: "\\") {
                guard let escaped = peek else { return nil }
                content.append(escaped)
                index += 1
            } else if byte != UInt8(ascii: "\r") && byte != UInt8(ascii: "\n") {
                content.append(byte)
            }
        }
        return nil
    }
}
