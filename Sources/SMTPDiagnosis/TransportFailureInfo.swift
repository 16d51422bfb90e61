/// What a transport failure means, before any reason entry is applied.
public struct TransportFailureInfo: Sendable, Hashable {
    /// The failure.
    public var failure: TransportFailureKind
    /// What it means, in a sentence.
    public var meaning: String

    /// Creates a row.
    public init(failure: TransportFailureKind, meaning: String) {
        self.failure = failure
        self.meaning = meaning
    }
}
