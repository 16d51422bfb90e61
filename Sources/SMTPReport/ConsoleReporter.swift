import SMTPCore
import SMTPDiagnosis
import SMTPRunner

/// Renders a run for a terminal: a line per case (✓ or ✗, the name, the duration), the failure report for each
/// failure, a progress line, and the closing line `N passed, N failed`.
///
/// Every function returns text without a trailing newline; the caller prints it. Escape codes appear only when
/// ``ConsoleStyle/color`` is true.
public struct ConsoleReporter: Sendable {
    /// Colours and verbosity.
    public var style: ConsoleStyle

    /// Creates a reporter.
    public init(style: ConsoleStyle = ConsoleStyle()) {
        self.style = style
    }

    /// The line for one case, followed by its failure report when it failed (and its whole transcript with
    /// `verbose`). Empty for a passed case in `quiet` mode: print nothing then.
    public func caseLine(_ result: ScenarioResult, explanation: FailureExplanation?) -> String {
        let passed = result.status == .passed
        if passed && style.verbosity == .quiet { return "" }
        var head = passed ? style.paint("✓", .green) : style.paint("✗", .red, .bold)
        head += " \(result.caseName) " + style.paint("(\(result.duration.shortText))", .dim)
        if result.attempts > 1 { head += style.paint(" after \(result.attempts) attempts", .dim) }
        var lines = [head]
        if !passed {
            if let explanation {
                lines += failureBlock(explanation, status: result.status)
            } else {
                lines.append("  " + style.paint("\(result.status.rawValue), with no failing step recorded", .red))
            }
        }
        if style.verbosity == .verbose {
            lines.append(style.paint(passed ? "  transcript" : "  whole transcript", .bold))
            lines += transcriptLines(result.transcript)
        }
        return lines.joined(separator: "\n")
    }

    /// The failure report of DESIGN.md: `FAIL file:line:col  step`, expected, got, meaning, possible reasons,
    /// what to check, and the transcript up to the failure (`quiet` stops after got).
    public func failureBlock(_ explanation: FailureExplanation, status: CaseStatus = .failed) -> [String] {
        failureLines(explanation, status: status, includeTranscript: style.verbosity == .normal)
    }

    /// The failure report's lines, with or without the transcript up to the failure.
    func failureLines(_ explanation: FailureExplanation, status: CaseStatus, includeTranscript: Bool) -> [String] {
        let word = status == .error ? "ERROR" : "FAIL"
        var lines = [
            style.paint(word, .red, .bold) + " " + style.paint(explanation.location.description, .bold)
                + "  " + explanation.stepText
        ]
        lines += labelled("expected", [explanation.expected])
        lines += labelled("got", explanation.got, paint: .red)
        for mismatch in explanation.listedMismatches { lines += labelled("mismatch", [mismatch.summary], paint: .red) }
        if !explanation.arrivals.isEmpty {
            // What did arrive: this case's message (or notification) first, then the latest others.
            lines.append(explanation.arrivals.contains(where: \.isThisCase) ? "  arrived" : "  arrived meanwhile")
            lines += explanation.arrivals.map { arrival in
                let label =
                    arrival.isThisCase ? "" : arrival.isSentMessage ? "(the message itself) " : "(another message) "
                return "    - " + label + arrival.line
            }
        }
        guard style.verbosity != .quiet else { return lines }
        lines += labelled("meaning", [explanation.meaning])
        for note in explanation.notes { lines += labelled("note", [note]) }
        lines.append("  possible reasons")
        if explanation.reasons.isEmpty {
            lines.append("    - none in the catalogue for this step and reply")
        } else {
            lines += explanation.reasons.map { "    - \($0)" }
        }
        if !explanation.hints.isEmpty {
            lines.append("  what to check")
            lines += explanation.hints.map { "    - \($0)" }
        }
        if includeTranscript {
            lines.append("  transcript")
            lines += transcriptLines(explanation.transcript)
        }
        return lines
    }

    /// A progress line while a suite runs: `[3/10] Inbound test` (at most 100 columns; the caller writes it
    /// after `\r` on a terminal and clears it before the next case line).
    public func progressLine(done: Int, total: Int, current: String) -> String {
        var text = "[\(done)/\(total)] \(current)"
        if text.count > 100 { text = String(text.prefix(99)) + "…" }
        return style.paint(text, .dim)
    }

    /// The closing line: exactly `N passed, N failed`; cases that could not be played count as failed.
    public func summaryLine(_ summary: RunSummary) -> String {
        "\(summary.passed) passed, \(summary.failed + summary.errors) failed"
    }

    /// A file that did not compile: its diagnostics rendered the Hurl way.
    public func invalidFileBlock(_ file: InvalidFile) -> String {
        var lines = [style.paint("INVALID", .red, .bold) + " " + file.path]
        lines.append(file.renderedDiagnostics.trimmingTrailingNewlines)
        return lines.joined(separator: "\n")
    }

    /// The whole console output of a finished run: invalid files, a line per case with its failure report, and
    /// the closing line.
    public func render(_ report: RunReport) -> String {
        var blocks = report.invalidFiles.map(invalidFileBlock)
        for reported in report.cases {
            let line = caseLine(reported.result, explanation: reported.explanation)
            if !line.isEmpty { blocks.append(line) }
        }
        blocks.append(summaryLine(report.summary))
        return report.mask.apply(blocks.joined(separator: "\n"))
    }

    /// `  label     first line`, further lines aligned under the first.
    private func labelled(_ label: String, _ values: [String], paint: ConsoleStyle.Paint? = nil) -> [String] {
        let padded = "  " + label.padding(toLength: 10, withPad: " ", startingAt: 0)
        let indent = String(repeating: " ", count: padded.count)
        let shown = values.isEmpty ? [""] : values
        return shown.enumerated().map { index, value in
            // What a server sent can hold control characters (a terminal escape sequence): shown escaped.
            let shown = WireFence.escaped(value)
            let text = paint.map { style.paint(shown, $0) } ?? shown
            return (index == 0 ? padded : indent) + text
        }
    }

    /// Transcript lines, indented: `    S: 220 …`, `    C: EHLO …`, `    * connected`.
    private func transcriptLines(_ entries: [TranscriptEntry]) -> [String] {
        if entries.isEmpty { return ["    (nothing was exchanged)"] }
        return entries.map { entry in
            let text = "    " + WireFence.escaped(entry.description)
            return entry.direction == .note ? style.paint(text, .dim) : text
        }
    }
}
