/// Whether one step met its expectation.
public enum StepVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The step got what it expected.
    case passed
    /// The step did not get what it expected; ``StepResult/failure`` says how.
    case failed
    /// The runner refused to play the step (nothing was sent); ``StepResult/failure`` says why.
    case refused
    /// The step was part of a group that had already failed, so it was not judged.
    case notRun = "not-run"
}
