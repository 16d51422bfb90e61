import SMTPDiagnosis
import SMTPRunner

extension FailureExplanation {
    /// The failure report as plain text (no colours), as JUnit, TAP and transcript files carry it: the
    /// `FAIL file:line:col  step` heading, expected, got, meaning, possible reasons and what to check, and, with
    /// `includeTranscript`, the transcript up to the failure.
    public func plainText(status: CaseStatus = .failed, includeTranscript: Bool) -> String {
        ConsoleReporter(style: ConsoleStyle(color: false, verbosity: .normal))
            .failureLines(self, status: status, includeTranscript: includeTranscript)
            .joined(separator: "\n")
    }
}
