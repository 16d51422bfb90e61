/// One row of a small catalogue table keyed by a digit: a reply class (first digit), a reply category (second
/// digit), an enhanced status code class or subject.
public struct CatalogueTerm: Sendable, Hashable {
    /// The digit or number the row is for.
    public var key: Int
    /// Its name, in lower case: `permanent failure`, `addressing status`.
    public var name: String
    /// What it means, in a sentence.
    public var meaning: String

    /// Creates a row.
    public init(key: Int, name: String, meaning: String) {
        self.key = key
        self.name = name
        self.meaning = meaning
    }
}
