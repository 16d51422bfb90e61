/// One alternative of an expectation on a reply: a class, an exact code, an enhanced status code
/// pattern, or a code together with an enhanced code.
public struct ReplyPattern: Sendable, Hashable, CustomStringConvertible {
    /// The basic reply code part.
    public enum CodePattern: Sendable, Hashable {
        /// The reply class: the first digit (2, 3, 4 or 5), written `2xx` or `success`.
        case replyClass(Int)
        /// An exact three-digit code.
        case exact(Int)
    }

    /// An enhanced status code pattern, such as `2.1.5` or `5.7.x`.
    public struct EnhancedPattern: Sendable, Hashable, CustomStringConvertible {
        /// The class digit: 2, 4 or 5.
        public var klass: Int
        /// The subject, or `nil` for `x`.
        public var subject: Int?
        /// The detail, or `nil` for `x`.
        public var detail: Int?

        /// Creates a pattern.
        public init(klass: Int, subject: Int?, detail: Int?) {
            self.klass = klass
            self.subject = subject
            self.detail = detail
        }

        /// Whether an enhanced status code's three numbers match.
        public func matches(klass: Int, subject: Int, detail: Int) -> Bool {
            klass == self.klass && (self.subject.map { $0 == subject } ?? true)
                && (self.detail.map { $0 == detail } ?? true)
        }

        /// `5.7.x`.
        public var description: String {
            "\(klass).\(subject.map(String.init) ?? "x").\(detail.map(String.init) ?? "x")"
        }
    }

    /// The basic code part, if the pattern has one.
    public var code: CodePattern?
    /// The enhanced status code part, if the pattern has one.
    public var enhanced: EnhancedPattern?

    /// Creates a pattern; at least one part should be given.
    public init(code: CodePattern?, enhanced: EnhancedPattern? = nil) {
        self.code = code
        self.enhanced = enhanced
    }

    /// Whether a reply with this basic code and enhanced status code (if any) matches.
    public func matches(code actual: Int, enhanced actualEnhanced: (klass: Int, subject: Int, detail: Int)?) -> Bool {
        switch code {
        case .replyClass(let digit)?: if actual / 100 != digit { return false }
        case .exact(let value)?: if actual != value { return false }
        case nil: break
        }
        if let enhanced {
            guard let actualEnhanced else { return false }
            return enhanced.matches(
                klass: actualEnhanced.klass,
                subject: actualEnhanced.subject,
                detail: actualEnhanced.detail
            )
        }
        return true
    }

    /// The reply classes (first digits) this pattern can match.
    public var possibleClasses: Set<Int> {
        switch code {
        case .replyClass(let digit)?: return [digit]
        case .exact(let value)?: return [value / 100]
        case nil:
            guard let enhanced else { return [2, 3, 4, 5] }
            return [enhanced.klass]
        }
    }

    /// `250 2.1.5`, `2xx`, `5.7.x`.
    public var description: String {
        var parts: [String] = []
        switch code {
        case .replyClass(let digit)?: parts.append("\(digit)xx")
        case .exact(let value)?: parts.append(String(value))
        case nil: break
        }
        if let enhanced { parts.append(enhanced.description) }
        return parts.joined(separator: " ")
    }
}
