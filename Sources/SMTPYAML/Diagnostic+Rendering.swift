import SMTPCore

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
    /// Control characters in the message and the note are shown escaped (`\r`, `\n`, `\0`, `\u{1B}`), so that a
    /// value quoted in a message cannot break the output. Every secret of `mask` is hidden in everything shown; in
    /// the quoted line each one becomes `******` and the caret is placed on the line as shown: after a secret it
    /// moves with the text, and a caret that pointed into a secret underlines the whole `******` (so it tells
    /// neither where in the secret nor how long the secret is).
    ///
    /// - Parameters:
    ///   - source: the file the location points into, to quote its line; without it only the location and note
    ///     are shown.
    ///   - mask: the secrets to hide in everything shown (message, quoted line, note).
    public func rendered(source: SourceFile?, mask: SecretMask = SecretMask([])) -> String {
        let message = WireFence.escaped(mask.apply(self.message))
        let note = self.note.map { WireFence.escaped(mask.apply($0)) }
        var out = "\(severity.rawValue): \(message)\n"
        guard let location else {
            if let note { out += "  = note: \(note)\n" }
            return out
        }
        let gutter = String(repeating: " ", count: String(location.line).count)
        out += "\(gutter)--> \(mask.apply(location.description))\n"
        guard let source, let text = source.line(location.line) else {
            if let note { out += "\(gutter) = note: \(note)\n" }
            return out
        }
        let shown = mask.applyKeepingColumns(
            String(text.replacingTabs()),
            column: max(0, location.column - 1),
            span: span
        )
        out += "\(gutter) |\n"
        out += "\(location.line) | \(shown.line)\n"
        let prefix = String(repeating: " ", count: shown.column)
        let caret = String(repeating: "^", count: shown.span)
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
