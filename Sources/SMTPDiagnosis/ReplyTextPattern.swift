import Foundation

/// A case-insensitive regular expression a reply's text must contain a match of.
public struct ReplyTextPattern: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let pattern: String
    private let expression: NSRegularExpression

    /// Compiles `pattern` (ICU syntax, case-insensitive); `nil` when it is not a valid expression.
    public init?(_ pattern: String) {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
            return nil
        }
        self.pattern = pattern
        self.expression = expression
    }

    /// Whether `text` contains a match.
    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Two patterns are equal when they are written the same.
    public static func == (lhs: ReplyTextPattern, rhs: ReplyTextPattern) -> Bool { lhs.pattern == rhs.pattern }

    /// Hashes the written pattern.
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// The pattern as written, between slashes.
    public var description: String { "/\(pattern)/" }
}
