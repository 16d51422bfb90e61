import SMTPYAML

/// Splits the string form of `open`: `host`, `host:port`, `[v6]` or `[v6]:port`.
enum HostPort {
    /// The host and optional port, each located; reports malformed forms.
    static func split(
        _ text: String,
        at location: SourceLocation,
        diagnostics: inout [Diagnostic]
    ) -> (Located<String>, Located<String>?)? {
        func at(_ offset: Int) -> SourceLocation {
            var loc = location
            loc.column += offset
            return loc
        }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                diagnostics.append(
                    Diagnostic(
                        message: "unclosed '[' in '\(text)'",
                        location: location,
                        note: "write an IPv6 address as [2001:db8::1]:25"
                    )
                )
                return nil
            }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return (Located(host, at: at(1)), nil) }
            guard rest.hasPrefix(":") else {
                diagnostics.append(
                    Diagnostic(message: "expected ':port' after ']' in '\(text)'", location: at(host.count + 2))
                )
                return nil
            }
            return (Located(host, at: at(1)), Located(String(rest.dropFirst()), at: at(host.count + 3)))
        }
        let colons = text.filter { $0 == ":" }.count
        if colons > 1, !text.contains("${") {
            diagnostics.append(
                Diagnostic(
                    message: "'\(text)' looks like an IPv6 address without brackets",
                    location: location,
                    note: "write it as [\(text)] or [\(text)]:25"
                )
            )
            return nil
        }
        guard colons == 1, let colon = text.lastIndex(of: ":") else {
            return (Located(text, at: location), nil)
        }
        let host = String(text[..<colon])
        let port = String(text[text.index(after: colon)...])
        return (Located(host, at: location), Located(port, at: at(host.count + 1)))
    }
}
