/// Splits MAIL FROM / RCPT TO arguments into the path and its parameters; the address syntax itself
/// is checked with SMTPCore's `AddressSyntax`.
enum PathSyntax {
    /// Splits `<path> PARAM=VALUE …` (or a bare `path PARAM…`) into the path without brackets and
    /// the parameters; `nil` when the brackets do not close.
    static func split(_ text: Substring) -> (path: String, parameters: [String])? {
        let trimmed = text.drop { $0 == " " }
        var path: Substring
        var rest: Substring
        if trimmed.first == "<" {
            guard let close = trimmed.firstIndex(of: ">") else { return nil }
            path = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            rest = trimmed[trimmed.index(after: close)...]
            if let first = rest.first, first != " " { return nil }
        } else {
            let end = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
            path = trimmed[..<end]
            rest = trimmed[end...]
        }
        if let colon = path.firstIndex(of: ":"), path.first == "@" {
            path = path[path.index(after: colon)...]
        }
        let parameters = rest.split(separator: " ").map(String.init)
        return (String(path), parameters)
    }

    /// The domain of a mailbox, lower-cased; empty when there is none.
    static func domain(of mailbox: String) -> String {
        guard let at = mailbox.lastIndex(of: "@") else { return "" }
        return mailbox[mailbox.index(after: at)...].lowercased()
    }
}
