/// A MAIL or RCPT parameter (RFC 5321 §4.1.2): `esmtp-keyword ["=" esmtp-value]`, e.g. `SIZE=1000` or
/// `SMTPUTF8`. Keywords compare case-insensitively through `has(keyword:)`.
public struct ESMTPParameter: Sendable, Hashable, CustomStringConvertible {
    /// The keyword as written, e.g. `NOTIFY`.
    public let keyword: String
    /// The value after `=`, or `nil` for a keyword alone.
    public let value: String?

    /// Creates a parameter.
    public init(keyword: String, value: String? = nil) {
        self.keyword = keyword
        self.value = value
    }

    /// Parses `KEY` or `KEY=VALUE`: the keyword is a letter or digit then letters, digits and hyphens; the value
    /// is one or more printable characters except `=` (non-ASCII is accepted for SMTPUTF8).
    public static func parse(_ text: some StringProtocol) -> ESMTPParameter? {
        let keyword: Substring
        var value: String?
        if let equals = text.firstIndex(of: "=") {
            keyword = Substring(text[..<equals])
            let rawValue = text[text.index(after: equals)...]
            guard !rawValue.isEmpty,
                rawValue.unicodeScalars.allSatisfy({ !$0.isASCII || ((33...126).contains($0.value) && $0 != "=") })
            else { return nil }
            value = String(rawValue)
        } else {
            keyword = Substring(text)
        }
        guard let first = keyword.unicodeScalars.first, isLetterOrDigit(first),
            keyword.unicodeScalars.allSatisfy({ isLetterOrDigit($0) || $0 == "-" })
        else { return nil }
        return ESMTPParameter(keyword: String(keyword), value: value)
    }

    /// Whether this parameter's keyword is `keyword`, ignoring case.
    public func has(keyword other: String) -> Bool {
        keyword.uppercased() == other.uppercased()
    }

    /// `KEY=VALUE` or `KEY`.
    public var description: String { value.map { "\(keyword)=\($0)" } ?? keyword }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
