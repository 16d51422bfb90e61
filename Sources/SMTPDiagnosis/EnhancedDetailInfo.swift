/// One enhanced status code of the registry: `X.1.1` (any class) or a class-specific code such as `5.6.11`.
public struct EnhancedDetailInfo: Sendable, Hashable {
    /// The code as written in the catalogue: `X.1.1` or `5.6.11`.
    public var code: String
    /// The registry's name: `Bad destination mailbox address`.
    public var name: String
    /// The short lower-case form used in failure reports: `bad destination mailbox`.
    public var summary: String
    /// What it means, in a sentence.
    public var meaning: String
    /// Where the fact comes from, such as `RFC 3463`.
    public var source: String?

    /// Creates a row.
    public init(code: String, name: String, summary: String, meaning: String, source: String? = nil) {
        self.code = code
        self.name = name
        self.summary = summary
        self.meaning = meaning
        self.source = source
    }
}
