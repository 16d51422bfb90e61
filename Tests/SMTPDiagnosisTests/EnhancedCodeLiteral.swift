import SMTPCore

/// Lets the catalogue tests write enhanced status codes as they appear in replies (`"5.1.1"`).
extension EnhancedStatusCode: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let code = EnhancedStatusCode(parsing: value) else { fatalError("\(value) is not an enhanced code") }
        self = code
    }
}
