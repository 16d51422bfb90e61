import SMTPCore

/// One alternative of an expectation on a reply: a class, an exact code, an enhanced status code
/// pattern, or a code together with an enhanced code. Both parts are SMTPCore's patterns, the
/// same the reasons catalogue uses.
public struct ReplyPattern: Sendable, Hashable, CustomStringConvertible {
    /// The basic code part, if the pattern has one.
    public var code: ReplyCodePattern?
    /// The enhanced status code part, if the pattern has one.
    public var enhanced: EnhancedCodePattern?

    /// Creates a pattern; at least one part should be given.
    public init(code: ReplyCodePattern?, enhanced: EnhancedCodePattern? = nil) {
        self.code = code
        self.enhanced = enhanced
    }

    /// Whether a reply with this basic code and enhanced status code (if any) matches.
    public func matches(code actual: Int, enhanced actualEnhanced: EnhancedStatusCode?) -> Bool {
        if let code, !code.matches(actual) { return false }
        if let enhanced {
            guard let actualEnhanced else { return false }
            return enhanced.matches(actualEnhanced)
        }
        return true
    }

    /// Whether `reply` matches (its code and the enhanced status code at the start of its text).
    public func matches(_ reply: Reply) -> Bool {
        matches(code: reply.code.value, enhanced: reply.enhancedStatusCode)
    }

    /// The reply classes (first digits) this pattern can match.
    public var possibleClasses: Set<Int> {
        if let code { return [code.klass] }
        if let klass = enhanced?.klass { return [klass] }
        return enhanced == nil ? [2, 3, 4, 5] : [2, 4, 5]
    }

    /// `250 2.1.5`, `2xx`, `5.7.x`.
    public var description: String {
        [code?.description, enhanced?.description].compactMap { $0 }.joined(separator: " ")
    }
}
