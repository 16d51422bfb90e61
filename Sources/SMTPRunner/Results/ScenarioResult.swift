import Foundation

/// The result of one case of a scenario actually run: its steps, its transcript and its outcome.
public struct ScenarioResult: Sendable, Hashable {
    /// The scenario file's path.
    public var file: String
    /// The scenario's name.
    public var scenarioName: String
    /// The case's name (the scenario name plus matrix values, plus the MX host with `each: true`).
    public var caseName: String
    /// The outcome.
    public var status: CaseStatus
    /// The steps that were played, in order (a step after a failure is not played).
    public var steps: [StepResult]
    /// The session transcript of the last attempt, secrets redacted.
    public var transcript: [TranscriptEntry]
    /// How many times the session was played (more than 1 when `retry` re-ran it).
    public var attempts: Int
    /// When the first attempt started.
    public var startedAt: Date
    /// From the start of the first attempt to the end of the last.
    public var duration: Duration

    /// Creates a result.
    public init(
        file: String,
        scenarioName: String,
        caseName: String,
        status: CaseStatus,
        steps: [StepResult],
        transcript: [TranscriptEntry],
        attempts: Int,
        startedAt: Date,
        duration: Duration
    ) {
        self.file = file
        self.scenarioName = scenarioName
        self.caseName = caseName
        self.status = status
        self.steps = steps
        self.transcript = transcript
        self.attempts = attempts
        self.startedAt = startedAt
        self.duration = duration
    }

    /// The step that failed (or, within a pipeline, the grouped step that failed), if any.
    public var failedStep: StepResult? {
        steps.lazy.compactMap(\.firstFailure).first
    }
}
