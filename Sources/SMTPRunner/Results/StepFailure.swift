/// How a step failed: every typed mismatch found, and the runner's notes that explain it.
public struct StepFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The mismatches, in the order they were checked (the reply first, then text, capabilities, TLS, timing).
    public var mismatches: [Mismatch]
    /// What else the runner noticed at the step (an out-of-sequence command, an unadvertised AUTH mechanism).
    public var notes: [StepNote]

    /// Creates a failure; `mismatches` should not be empty.
    public init(_ mismatches: [Mismatch], notes: [StepNote] = []) {
        self.mismatches = mismatches
        self.notes = notes
    }

    /// Creates a failure of one mismatch.
    public init(_ mismatch: Mismatch, notes: [StepNote] = []) {
        self.init([mismatch], notes: notes)
    }

    /// The first mismatch: the one the failure is classified and explained by first.
    public var primary: Mismatch? { mismatches.first }

    /// The kind of failure, from the first mismatch.
    public var kind: FailureKind {
        guard let primary else { return .unexpectedReply }
        return FailureKind(primary)
    }

    /// Every mismatch and note in words, joined by `; ` (for logs and the transcript).
    public var message: String {
        (mismatches.map(\.description) + notes.map(\.description)).joined(separator: "; ")
    }

    /// The message.
    public var description: String { message }
}
