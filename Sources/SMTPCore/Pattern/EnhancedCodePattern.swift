/// An enhanced status code pattern, as the expectation language and the reasons catalogue write it: `5.1.1`,
/// `X.1.1` (any class), `5.7.x` (any detail), `5.x.x`, or `5.7.606-649` (a range of details).
public struct EnhancedCodePattern: Sendable, Hashable, CustomStringConvertible {
    /// The class (2, 4 or 5), or `nil` for `X`: any class.
    public var klass: Int?
    /// The subject, or `nil` for `x`: any subject.
    public var subject: Int?
    /// The details matched, or `nil` for `x`: any detail.
    public var details: ClosedRange<Int>?

    /// Creates a pattern.
    public init(klass: Int?, subject: Int?, details: ClosedRange<Int>?) {
        self.klass = klass
        self.subject = subject
        self.details = details
    }

    /// A pattern matching exactly `code`.
    public init(_ code: EnhancedStatusCode) {
        self.init(klass: code.klass, subject: code.subject, details: code.detail...code.detail)
    }

    /// Parses `5.1.1`, `X.1.1`, `5.7.x`, `X.x.x` or `5.7.606-649`; `nil` for anything else (a detail without a
    /// subject, a class other than 2, 4 or 5, more than three digits).
    public init?(_ text: some StringProtocol) {
        let parts = String(text).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        func isWildcard(_ part: String) -> Bool { part == "x" || part == "X" }
        func number(_ part: String) -> Int? {
            guard (1...3).contains(part.utf8.count),
                part.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { return nil }
            return Int(part)
        }
        if isWildcard(parts[0]) {
            klass = nil
        } else if parts[0].utf8.count == 1, let value = number(parts[0]), [2, 4, 5].contains(value) {
            klass = value
        } else {
            return nil
        }
        if isWildcard(parts[1]) {
            subject = nil
        } else if let value = number(parts[1]) {
            subject = value
        } else {
            return nil
        }
        if isWildcard(parts[2]) {
            details = nil
        } else if let value = number(parts[2]) {
            details = value...value
        } else {
            let bounds = parts[2].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard bounds.count == 2, let low = number(bounds[0]), let high = number(bounds[1]), low <= high else {
                return nil
            }
            details = low...high
        }
        if subject == nil, details != nil { return nil }
    }

    /// Whether an enhanced status code matches.
    public func matches(_ code: EnhancedStatusCode) -> Bool {
        (klass.map { $0 == code.klass } ?? true) && (subject.map { $0 == code.subject } ?? true)
            && (details.map { $0.contains(code.detail) } ?? true)
    }

    /// How precise the pattern is: 8 for one detail, 6 for a range of details, 4 for any detail of a subject,
    /// 2 for a class only; one less when the class is `X`, so a class-exact pattern wins over the same pattern
    /// for any class.
    public var precision: Int {
        let base: Int
        switch (subject, details) {
        case (_?, let range?): base = range.count == 1 ? 8 : 6
        case (_?, nil): base = 4
        default: base = 2
        }
        return klass == nil ? base - 1 : base
    }

    /// `5.7.606-649`, `X.1.1`, `5.7.x`.
    public var description: String {
        let klassText = klass.map(String.init) ?? "X"
        let subjectText = subject.map(String.init) ?? "x"
        let detailText: String
        switch details {
        case nil: detailText = "x"
        case let range? where range.count == 1: detailText = String(range.lowerBound)
        case let range?: detailText = "\(range.lowerBound)-\(range.upperBound)"
        }
        return "\(klassText).\(subjectText).\(detailText)"
    }
}
