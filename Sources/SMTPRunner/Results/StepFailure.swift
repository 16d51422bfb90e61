/// How a step failed: its kind and a sentence a mail admin can act on.
public struct StepFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind of failure.
    public var kind: FailureKind
    /// What happened, in words (secrets already redacted).
    public var message: String

    /// Creates a failure.
    public init(kind: FailureKind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
