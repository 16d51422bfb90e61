/// An enhanced status code read from text (`5.1.1`): class, subject and detail (RFC 3463 §2).
///
/// Kept inside the module so the public API can take plain strings until callers hold SMTPCore's own type.
struct ParsedEnhancedCode: Sendable, Hashable, CustomStringConvertible {
    /// 2, 4 or 5.
    var klass: Int
    /// The subject: 1 to 3 digits.
    var subject: Int
    /// The detail: 1 to 3 digits.
    var detail: Int

    /// Parses `class.subject.detail`; `nil` unless the class is 2, 4 or 5 and subject and detail are 1 to 3 digits.
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
            parts[0].count == 1, let klass = Int(parts[0]), [2, 4, 5].contains(klass),
            let subject = Int(parts[1]), let detail = Int(parts[2])
        else { return nil }
        self.klass = klass
        self.subject = subject
        self.detail = detail
    }

    /// The enhanced status code that starts a reply's text (`5.1.1 User unknown`), if any.
    static func leading(in text: String) -> ParsedEnhancedCode? {
        guard let word = text.split(separator: " ", maxSplits: 1).first else { return nil }
        return ParsedEnhancedCode(String(word))
    }

    /// `5.1.1`.
    var description: String { "\(klass).\(subject).\(detail)" }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0-9.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
