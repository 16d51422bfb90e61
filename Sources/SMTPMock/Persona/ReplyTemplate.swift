/// A reply a persona gives: a three-digit code and one or more lines of text that may name
/// values filled in when the reply is sent.
///
/// Placeholders in the text: `{host}` (the persona's host name), `{date}` (RFC 5322 date),
/// `{client-ip}`, `{helo}` (the EHLO/HELO argument), `{address}` (the mailbox a MAIL, RCPT or
/// VRFY names), `{argument}` (the command's argument), `{size}` (the size limit),
/// `{message-id}`, `{internal-id}`, `{queue-id}` (identifiers of an accepted message),
/// `{octets}` (a BDAT chunk's size).
public struct ReplyTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, 200-599.
    public var code: Int
    /// The text of each line, without the code; at least one (possibly empty).
    public var lines: [String]

    /// Creates a one-line template.
    public init(code: Int, text: String) {
        self.code = code
        self.lines = [text]
    }

    /// Creates a template with several lines.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines.isEmpty ? [""] : lines
    }

    /// Parses `"550 5.1.1 User unknown"`; lines after a newline are further lines of the same
    /// reply (they may repeat the code, as `250-…`/`250 …`, or give the text alone).
    ///
    /// - Returns: `nil` when the text does not start with a code between 200 and 599.
    public init?(parsing text: String) {
        var rows = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        while rows.count > 1, rows.last?.isEmpty == true { rows.removeLast() }
        guard let first = rows.first, let code = Self.leadingCode(first), (200...599).contains(code) else {
            return nil
        }
        var lines: [String] = []
        for row in rows {
            if let rowCode = Self.leadingCode(row), rowCode == code {
                lines.append(String(row.dropFirst(4)))
            } else {
                lines.append(row)
            }
        }
        self.code = code
        self.lines = lines
    }

    /// The template as a persona file writes it.
    public var description: String {
        lines.map { "\(code) \($0)" }.joined(separator: "\n")
    }

    /// The lines with every placeholder filled from `values`; unknown placeholders stay as written.
    public func rendered(_ values: [String: String]) -> [String] {
        rendered { values[String($0)] }
    }

    /// The lines with every placeholder whose name `value` knows filled in; the others stay as written.
    func rendered(_ value: (Substring) -> String?) -> [String] {
        guard hasPlaceholders else { return lines }
        return lines.map { Self.fill($0, value) }
    }

    /// Whether any line may hold a placeholder (has a `{`); a reply without one is sent as written.
    var hasPlaceholders: Bool {
        lines.contains { $0.utf8.contains(UInt8(ascii: "{")) }
    }

    private static func leadingCode(_ row: String) -> Int? {
        let scalars = Array(row.unicodeScalars)
        guard scalars.count >= 3, scalars.prefix(3).allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        if scalars.count > 3, scalars[3] != " ", scalars[3] != "-" { return nil }
        return Int(String(String.UnicodeScalarView(scalars.prefix(3))))
    }

    /// Braces are ASCII, so they are found in the UTF-8 view: no character (grapheme) is formed for the search.
    private static func fill(_ line: String, _ value: (Substring) -> String?) -> String {
        let openBrace = UInt8(ascii: "{")
        let closeBrace = UInt8(ascii: "}")
        guard line.utf8.contains(openBrace) else { return line }
        var out = ""
        out.reserveCapacity(line.utf8.count + 32)
        var rest = line[...]
        while let open = rest.utf8.firstIndex(of: openBrace) {
            out += rest[..<open]
            let name = rest.utf8.index(after: open)
            guard let close = rest[name...].utf8.firstIndex(of: closeBrace) else {
                rest = rest[open...]
                break
            }
            if let filled = value(rest[name..<close]) {
                out += filled
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.utf8.index(after: close)...]
        }
        out += rest
        return out
    }
}
