import SMTPDiagnosis
import SMTPRunner

/// One case of a run as the reporters see it: its result (secrets masked) and, when it failed, the
/// explanation of its failure.
public struct ReportedCase: Sendable, Hashable {
    /// The case's result, with every secret of the report masked.
    public var result: ScenarioResult
    /// What the failure means and its possible reasons; `nil` for a case that passed.
    public var explanation: FailureExplanation?

    /// Creates a reported case.
    public init(result: ScenarioResult, explanation: FailureExplanation?) {
        self.result = result
        self.explanation = explanation
    }
}
