extension Diagnostic {
    /// Renders the diagnostic the way Hurl does:
    ///
    /// ```
    /// error: unknown verb 'rcpt-to'
    ///   --> inbound.smtp.yaml:12:5
    ///    |
    /// 12 |   - rcpt-to: kate@fabrikam.com
    ///    |     ^ did you mean 'rcpt'?
    ///    |
    /// ```
    ///
    /// - Parameters:
    ///   - source: the file the location points into, to quote its line; without it only the location and note
    ///     are shown.
    ///   - mask: the secrets to hide in everything shown (message, quoted line, note).
    public func rendered(source: SourceFile?, mask: SecretMask = SecretMask([])) -> String {
        mask.apply(unmasked(source: source))
    }

    private func unmasked(source: SourceFile?) -> String {
        var out = "\(severity.rawValue): \(message)\n"
        guard let location else {
            if let note { out += "  = note: \(note)\n" }
            return out
        }
        let gutter = String(repeating: " ", count: String(location.line).count)
        out += "\(gutter)--> \(location)\n"
        guard let source, let text = source.line(location.line) else {
            if let note { out += "\(gutter) = note: \(note)\n" }
            return out
        }
        let shown = text.replacingTabs()
        out += "\(gutter) |\n"
        out += "\(location.line) | \(shown)\n"
        let prefix = String(text.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? " " : " " })
        let caret = String(repeating: "^", count: span)
        out += "\(gutter) | \(prefix)\(caret)"
        if let note { out += " \(note)" }
        out += "\n\(gutter) |\n"
        return out
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String {
        String(self.map { $0 == "\t" ? " " : $0 })
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic in the list is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in source order: by file, line, then column; those without a location first.
    public var sortedBySource: [Diagnostic] {
        sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let l?, let r?):
                return (l.file, l.line, l.column) < (r.file, r.line, r.column)
            }
        }
    }
}
