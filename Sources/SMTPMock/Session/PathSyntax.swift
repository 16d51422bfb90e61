import SMTPCore

/// The syntax of reverse-paths, forward-paths and domains as a server checks them (RFC 5321 §4.1.2).
enum PathSyntax {
    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)

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

    /// Whether `mailbox` is `local-part@domain` with a dot-atom or quoted local-part and a domain or
    /// address literal, within RFC 5321's lengths; non-ASCII only when `utf8` (SMTPUTF8).
    static func isValidMailbox(_ mailbox: String, utf8: Bool) -> Bool {
        guard mailbox.utf8.count <= SMTPLimits.path - 2, let at = mailbox.lastIndex(of: "@") else { return false }
        let local = mailbox[..<at]
        let domain = mailbox[mailbox.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= SMTPLimits.localPart, isValidDomain(domain, utf8: utf8) else {
            return false
        }
        if local.first == "\"" {
            guard local.count >= 2, local.last == "\"" else { return false }
            return local.unicodeScalars.allSatisfy { $0.value >= 32 && ($0.value < 127 || utf8) }
        }
        guard local.first != ".", local.last != ".", !local.contains("..") else { return false }
        return local.unicodeScalars.allSatisfy { scalar in
            scalar == "." || isAtext(scalar) || (utf8 && scalar.value > 127)
        }
    }

    /// Whether `text` is a domain (letters, digits and hyphens in dot-separated labels) or an
    /// address literal in brackets.
    static func isValidDomain(_ text: Substring, utf8: Bool = false) -> Bool {
        guard !text.isEmpty, text.utf8.count <= SMTPLimits.domain else { return false }
        if text.first == "[" {
            guard text.last == "]", text.count > 2 else { return false }
            let inner = text.dropFirst().dropLast()
            return inner.unicodeScalars.allSatisfy {
                $0.properties.isASCIIHexDigit || $0 == "." || $0 == ":" || "IPv6".unicodeScalars.contains($0)
            }
        }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard !label.isEmpty, label.utf8.count <= SMTPLimits.label, label.first != "-", label.last != "-" else {
                return false
            }
            return label.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "-" || (utf8 && scalar.value > 127)
            }
        }
    }

    /// The domain of a mailbox, lower-cased; empty when there is none.
    static func domain(of mailbox: String) -> String {
        guard let at = mailbox.lastIndex(of: "@") else { return "" }
        return mailbox[mailbox.index(after: at)...].lowercased()
    }

    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || atextSymbols.contains(scalar)
    }
}
