/// Reads the tokens of one framed response: atoms, numbers, quoted strings, literals, NIL and parentheses, across
/// the response's text and literal parts.
struct IMAPTokenizer {
    private let parts: [IMAPResponsePart]
    private var part = 0
    private var offset = 0

    /// A tokenizer at the start of `parts`.
    init(_ parts: [IMAPResponsePart]) {
        self.parts = parts
    }

    /// What is next: a byte of line text, a literal, or nothing.
    enum Next: Equatable {
        /// A byte of line text.
        case byte(UInt8)
        /// A literal.
        case literal
        /// The end of the response.
        case end
    }

    /// What comes next, without consuming it.
    mutating func peek() -> Next {
        while part < parts.count {
            switch parts[part] {
            case .literal: return .literal
            case .text(let text):
                if offset < text.count { return .byte(text[offset]) }
                part += 1
                offset = 0
            }
        }
        return .end
    }

    /// Whether nothing but spaces is left.
    mutating func atEnd() -> Bool {
        skipSpaces()
        return peek() == .end
    }

    /// Skips spaces.
    mutating func skipSpaces() {
        while peek() == .byte(32) { offset += 1 }
    }

    /// Consumes `byte`, or throws.
    mutating func expect(_ byte: UInt8) throws(IMAPError) {
        guard peek() == .byte(byte) else {
            throw .protocolViolation("expected '\(Character(Unicode.Scalar(byte)))' \(context())")
        }
        offset += 1
    }

    /// Consumes `byte` when it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek() == .byte(byte) else { return false }
        offset += 1
        return true
    }

    /// An atom, with any `[...]` section in it (`BODY[HEADER.FIELDS (A B)]<0>`) kept whole.
    mutating func atom() throws(IMAPError) -> String {
        var bytes: [UInt8] = []
        while case .byte(let byte) = peek() {
            if byte == UInt8(ascii: "[") {
                offset += 1
                bytes.append(byte)
                while true {
                    guard case .byte(let inner) = peek() else {
                        throw .protocolViolation("an unterminated '[' section \(context())")
                    }
                    offset += 1
                    bytes.append(inner)
                    if inner == UInt8(ascii: "]") { break }
                }
                continue
            }
            guard Self.isAtomByte(byte) else { break }
            bytes.append(byte)
            offset += 1
        }
        guard !bytes.isEmpty else { throw .protocolViolation("expected an atom \(context())") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A non-zero-length run of digits as a 32-bit number.
    mutating func number() throws(IMAPError) -> UInt32 {
        var digits: [UInt8] = []
        while case .byte(let byte) = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            digits.append(byte)
            offset += 1
        }
        guard !digits.isEmpty, digits.count <= 10, let value = UInt32(String(decoding: digits, as: UTF8.self))
        else {
            throw .protocolViolation("expected a number \(context())")
        }
        return value
    }

    /// A quoted string, a literal, or NIL (`nil`).
    mutating func nstring() throws(IMAPError) -> [UInt8]? {
        switch peek() {
        case .literal:
            guard case .literal(let bytes) = parts[part] else { return nil }
            part += 1
            offset = 0
            return bytes
        case .byte(UInt8(ascii: "\"")):
            return try quoted()
        case .byte:
            let word = try atom()
            guard word.uppercased() == "NIL" else {
                throw .protocolViolation("expected a string or NIL, got \(word)")
            }
            return nil
        case .end:
            throw .protocolViolation("expected a string, got the end of the response")
        }
    }

    /// A string or an atom (`TAG "A1"` or `TAG A1`), as text.
    mutating func astring() throws(IMAPError) -> String {
        if case .byte(let byte) = peek(), byte != UInt8(ascii: "\"") {
            return try atom()
        }
        return String(decoding: try nstring() ?? [], as: UTF8.self)
    }

    /// A quoted string with `\"` and `\\` escapes.
    mutating func quoted() throws(IMAPError) -> [UInt8] {
        try expect(UInt8(ascii: "\""))
        var bytes: [UInt8] = []
        while true {
            guard case .byte(var byte) = peek() else {
                throw .protocolViolation("an unterminated quoted string")
            }
            offset += 1
            if byte == UInt8(ascii: "\"") { return bytes }
            if byte == UInt8(ascii: "\\") {
                guard case .byte(let escaped) = peek() else {
                    throw .protocolViolation("an unterminated quoted string")
                }
                offset += 1
                byte = escaped
            }
            bytes.append(byte)
        }
    }

    /// Skips one value of any kind: a parenthesised list (nested), a string, a literal, or a bare token such as a
    /// flag (`\Seen`), a number or an atom.
    mutating func skipValue(depth: Int = 0) throws(IMAPError) {
        guard depth < 32 else { throw .protocolViolation("lists nested too deep") }
        switch peek() {
        case .end:
            throw .protocolViolation("expected a value, got the end of the response")
        case .literal, .byte(UInt8(ascii: "\"")):
            _ = try nstring()
        case .byte(UInt8(ascii: "(")):
            offset += 1
            while true {
                skipSpaces()
                if take(UInt8(ascii: ")")) { return }
                try skipValue(depth: depth + 1)
            }
        case .byte:
            var consumed = false
            while case .byte(let byte) = peek(), byte != 32, byte != UInt8(ascii: "("), byte != UInt8(ascii: ")") {
                if byte == UInt8(ascii: "[") {
                    _ = try atom()
                } else {
                    offset += 1
                }
                consumed = true
            }
            if !consumed { throw .protocolViolation("unexpected ')' \(context())") }
        }
    }

    /// The rest of the current line text, as text (a following literal is not included).
    mutating func restOfLine() -> String {
        guard case .byte = peek(), case .text(let text) = parts[part] else { return "" }
        let rest = text[offset...]
        offset = text.count
        return String(decoding: rest, as: UTF8.self)
    }

    /// Where the tokenizer is, for error messages: the next few octets.
    private mutating func context() -> String {
        switch peek() {
        case .end: return "at the end of the response"
        case .literal: return "before a literal"
        case .byte:
            guard case .text(let text) = parts[part] else { return "" }
            let shown = text[offset...].prefix(40).map { (32..<127).contains($0) ? Character(Unicode.Scalar($0)) : "?" }
            return "at \"\(String(shown))\""
        }
    }

    /// ATOM-CHAR (RFC 9051): any CHAR except atom-specials `( ) { SP CTL % * " \ ]`.
    static func isAtomByte(_ byte: UInt8) -> Bool {
        guard byte > 32, byte < 127 else { return false }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "%"), UInt8(ascii: "*"),
            UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "]"):
            return false
        default:
            return true
        }
    }
}
