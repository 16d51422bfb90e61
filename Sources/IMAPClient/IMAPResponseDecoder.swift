/// Decodes one framed response (see ``IMAPResponseParser``) into an ``IMAPResponse``.
enum IMAPResponseDecoder {
    /// Decodes the parts of one response.
    static func decode(_ parts: [IMAPResponsePart], limits: IMAPLimits) throws(IMAPError) -> IMAPResponse {
        var tokens = IMAPTokenizer(parts)
        switch tokens.peek() {
        case .byte(UInt8(ascii: "+")):
            _ = tokens.take(UInt8(ascii: "+"))
            _ = tokens.take(32)
            return .continuation(tokens.restOfLine())
        case .byte(UInt8(ascii: "*")):
            _ = tokens.take(UInt8(ascii: "*"))
            try tokens.expect(32)
            return .untagged(try untagged(&tokens, limits: limits))
        case .byte:
            let tag = try tokens.atom()
            guard !tag.contains("+"), !tag.contains("[") else {
                throw .protocolViolation("a response that starts with neither '*', '+' nor a tag: \(tag)")
            }
            try tokens.expect(32)
            let word = try tokens.atom().uppercased()
            guard let status = IMAPStatus(rawValue: word), [.ok, .no, .bad].contains(status) else {
                throw .protocolViolation("a tagged response that is not OK, NO or BAD: \(tag) \(word)")
            }
            return .tagged(tag: tag, statusResponse(status, &tokens))
        case .literal, .end:
            throw .protocolViolation("an empty response line")
        }
    }

    /// The response after `* `.
    static func untagged(_ tokens: inout IMAPTokenizer, limits: IMAPLimits) throws(IMAPError) -> IMAPUntaggedResponse {
        if case .byte(let first) = tokens.peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            let number = try tokens.number()
            try tokens.expect(32)
            let keyword = try tokens.atom().uppercased()
            if keyword == "FETCH" {
                tokens.skipSpaces()
                return try fetch(number, &tokens)
            }
            return .numbered(number, keyword)
        }
        let keyword = try tokens.atom().uppercased()
        if let status = IMAPStatus(rawValue: keyword) {
            return .status(statusResponse(status, &tokens))
        }
        switch keyword {
        case "CAPABILITY":
            return .capability(tokens.restOfLine().split(separator: " ").map(String.init))
        case "SEARCH":
            return .search(try search(&tokens, limits: limits))
        case "ESEARCH":
            return try esearch(&tokens, limits: limits)
        default:
            return .other(keyword)
        }
    }

    /// `resp-text` after a status word: an optional `[CODE arguments]`, then text.
    static func statusResponse(_ status: IMAPStatus, _ tokens: inout IMAPTokenizer) -> IMAPStatusResponse {
        _ = tokens.take(32)
        var text = Substring(tokens.restOfLine())
        var code: IMAPResponseCode?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let inside = text[text.index(after: text.startIndex)..<close]
            let name = inside.prefix { $0 != " " }
            let arguments = inside.dropFirst(name.count).drop { $0 == " " }
            code = IMAPResponseCode(name: name.uppercased(), arguments: String(arguments))
            text = text[text.index(after: close)...].drop { $0 == " " }
        }
        return IMAPStatusResponse(status: status, code: code, text: String(text))
    }

    /// `* SEARCH 2 5 9`, ignoring a CONDSTORE `(MODSEQ n)` at the end.
    static func search(_ tokens: inout IMAPTokenizer, limits: IMAPLimits) throws(IMAPError) -> [UInt32] {
        var numbers: [UInt32] = []
        while !tokens.atEnd() {
            if tokens.peek() == .byte(UInt8(ascii: "(")) {
                try tokens.skipValue()
                continue
            }
            numbers.append(try tokens.number())
            guard numbers.count <= limits.maxSearchResults else {
                throw .limitExceeded("a search matched more than \(limits.maxSearchResults) messages")
            }
        }
        return numbers
    }

    /// `* ESEARCH [(TAG "t")] [UID] *(name SP value)` (RFC 4731), keeping `ALL`.
    static func esearch(_ tokens: inout IMAPTokenizer, limits: IMAPLimits) throws(IMAPError) -> IMAPUntaggedResponse {
        var tag: String?
        var uid = false
        var all: [UInt32] = []
        tokens.skipSpaces()
        if tokens.take(UInt8(ascii: "(")) {
            tokens.skipSpaces()
            let name = try tokens.atom().uppercased()
            guard name == "TAG" else { throw .protocolViolation("ESEARCH correlator that is not TAG: \(name)") }
            try tokens.expect(32)
            tag = try tokens.astring()
            tokens.skipSpaces()
            try tokens.expect(UInt8(ascii: ")"))
        }
        while !tokens.atEnd() {
            let name = try tokens.atom().uppercased()
            if name == "UID" {
                uid = true
                continue
            }
            tokens.skipSpaces()
            if name == "ALL" {
                all = try sequenceSet(try tokens.atom(), limit: limits.maxSearchResults)
            } else {
                try tokens.skipValue()
            }
        }
        return .esearch(tag: tag, uid: uid, all: all)
    }

    /// Expands a sequence set like `2,10:12` (no `*`), refusing more than `limit` numbers.
    static func sequenceSet(_ text: String, limit: Int) throws(IMAPError) -> [UInt32] {
        var numbers: [UInt32] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = UInt32(bounds[0]), let high = UInt32(bounds.last!) else {
                throw .protocolViolation("a sequence set that is not numbers: \(text)")
            }
            let range = min(low, high)...max(low, high)
            guard range.count <= limit - numbers.count else {
                throw .limitExceeded("a search matched more than \(limit) messages")
            }
            numbers.append(contentsOf: range)
        }
        return numbers
    }

    /// `* n FETCH (UID 7 BODY[] {12}...)`: the UID and `BODY[]` (or `BINARY[]`), every other item skipped.
    static func fetch(_ sequence: UInt32, _ tokens: inout IMAPTokenizer) throws(IMAPError) -> IMAPUntaggedResponse {
        var uid: UInt32?
        var body: [UInt8]?
        try tokens.expect(UInt8(ascii: "("))
        while true {
            tokens.skipSpaces()
            if tokens.take(UInt8(ascii: ")")) { break }
            let name = try tokens.atom().uppercased()
            tokens.skipSpaces()
            if name == "UID" {
                uid = try tokens.number()
            } else if name == "BODY[]" || name == "BINARY[]" || name.hasPrefix("BODY[]<") {
                body = try tokens.nstring()
            } else {
                try tokens.skipValue()
            }
        }
        return .fetch(sequence: sequence, uid: uid, body: body)
    }
}
