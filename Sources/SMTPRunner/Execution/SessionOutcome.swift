import SMTPCore

/// What one play of a session produced, before retries are decided.
struct SessionOutcome: Sendable {
    /// The steps played.
    var steps: [StepResult]
    /// The transcript.
    var transcript: [TranscriptEntry]
    /// The case's outcome.
    var status: CaseStatus
    /// The reply of the failed step, if it failed on a reply (what `retry: {on: ...}` is matched against).
    var failingReply: Reply?
}
