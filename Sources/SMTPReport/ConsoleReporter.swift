import SMTPRunner

/// Renders a run for a terminal: a line per case (✓ or ✗, the name, the duration), the failure report for each
/// failure, a progress line, and the closing line `N passed, N failed`.
///
/// Every function returns text without a trailing newline; the caller prints it.
public struct ConsoleReporter: Sendable {
    /// Colours and verbosity.
    public var style: ConsoleStyle

    /// Creates a reporter.
    public init(style: ConsoleStyle = ConsoleStyle()) {
        self.style = style
    }

    /// The line for one case, followed by its failure report when it failed (and its whole transcript with
    /// `verbose`). Empty for a passed case in `quiet` mode.
    public func caseLine(_ result: ScenarioResult, explanation: FailureExplanation?) -> String {
        ""
    }

    /// A progress line while a suite runs: `[3/10] inbound.smtp.yaml: Inbound test` (the caller writes it
    /// after `\r` on a terminal).
    public func progressLine(done: Int, total: Int, current: String) -> String {
        "[\(done)/\(total)] \(current)"
    }

    /// The closing line: exactly `N passed, N failed`; cases that could not be played count as failed.
    public func summaryLine(_ summary: RunSummary) -> String {
        "\(summary.passed) passed, \(summary.failed + summary.errors) failed"
    }
}
