/// Splits MAIL FROM / RCPT TO arguments into the path and its parameters; the address syntax itself
/// is checked with SMTPCore's `AddressSyntax`.
///
/// Every delimiter (`<`, `>`, `@`, `:`, space) is ASCII, so they are found in the UTF-8 view: RFC 5321 reads
/// octets, and no character (grapheme) is formed to find them.
enum PathSyntax {
    private static let space = UInt8(ascii: " ")

    /// Splits `<path> PARAM=VALUE …` (or a bare `path PARAM…`) into the path without brackets and
    /// the parameters; `nil` when the brackets do not close or the path runs into what follows.
    static func split(_ text: Substring) -> (path: String, parameters: [String])? {
        let trimmed = text[(text.utf8.firstIndex { $0 != space } ?? text.endIndex)...]
        var path: Substring
        var rest: Substring
        if trimmed.utf8.first == UInt8(ascii: "<") {
            guard let close = trimmed.utf8.firstIndex(of: UInt8(ascii: ">")) else { return nil }
            path = trimmed[trimmed.utf8.index(after: trimmed.startIndex)..<close]
            rest = trimmed[trimmed.utf8.index(after: close)...]
            if let first = rest.utf8.first, first != space { return nil }
        } else {
            let end = trimmed.utf8.firstIndex(of: space) ?? trimmed.endIndex
            path = trimmed[..<end]
            rest = trimmed[end...]
        }
        if path.utf8.first == UInt8(ascii: "@"), let colon = path.utf8.firstIndex(of: UInt8(ascii: ":")) {
            path = path[path.utf8.index(after: colon)...]
        }
        let parameters = rest.utf8.split(separator: space).map { String(Substring($0)) }
        return (String(path), parameters)
    }

    /// The domain of a mailbox, lower-cased; empty when there is none.
    static func domain(of mailbox: String) -> String {
        guard let at = mailbox.utf8.lastIndex(of: UInt8(ascii: "@")) else { return "" }
        return mailbox[mailbox.utf8.index(after: at)...].lowercased()
    }
}
