import Foundation
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// A result for `step` with nothing sent or received yet.
    func baseResult(_ step: PlannedStep, startedAt: Date) -> StepResult {
        StepResult(
            index: step.index,
            verb: step.verb,
            name: step.name,
            location: step.location,
            verdict: .passed,
            expected: step.expectation.source,
            startedAt: startedAt
        )
    }

    /// Judges the reply a step is judged on: the expectation, an enhanced code that contradicts its reply code
    /// (a server defect) and the `within` timing assertion; then applies the captures. A capture that does not
    /// match is noted, not failed: a later step that needs it is refused instead (see ``missingCapture(in:)``).
    func judge(_ step: PlannedStep, reply: Reply, took: Duration, into result: inout StepResult) {
        result.reply = shown(reply)
        result.duration = took
        var problems = ExpectationCheck.mismatches(of: reply, against: step.expectation)
        var kind = FailureKind.unexpectedReply
        if problems.isEmpty, let defect = reply.enhancedStatusCodeDefect {
            problems.append("protocol defect: \(defect)")
            kind = .protocolDefect(quoted: reply.lines[0])
        }
        if problems.isEmpty, let within = step.within, took > within {
            problems.append("the reply came after \(took.shortText), expected within \(within.shortText)")
            kind = .tooSlow(limit: within, took: took)
        }
        if problems.isEmpty, !step.captures.isEmpty {
            let captured = CaptureExtractor.capture(step.captures, from: reply)
            captures.merge(captured.values) { _, new in new }
            result.captured = captured.values.mapValues(plan.redact)
            for problem in captured.problems { transcript.note(problem) }
        }
        let objection = sequenceProblem
        sequenceProblem = nil
        if problems.isEmpty {
            result.verdict = .passed
        } else {
            if let objection, case .unexpectedReply = kind {
                problems.append("note: \(objection)")
            }
            result.verdict = .failed
            result.failure = StepFailure(kind: kind, message: plan.redact(problems.joined(separator: "; ")))
            failingReply = reply
        }
    }

    /// A reply as results show it: every secret of the plan masked in its lines.
    func shown(_ reply: Reply) -> Reply {
        guard !plan.secrets.isEmpty else { return reply }
        return Reply(code: reply.code, lines: reply.lines.map(plan.redact))
    }

    /// Marks a result failed by a transport error (or any failure) and notes it in the transcript.
    func fail(_ result: inout StepResult, _ failure: StepFailure, took: Duration) {
        sequenceProblem = nil
        result.verdict = failure.kind == .localRefusal ? .refused : .failed
        result.failure = StepFailure(kind: failure.kind, message: plan.redact(failure.message))
        result.duration = took
        transcript.note(failure.message)
    }

    /// A refusal when one of `texts` needs a capture that no earlier reply provided.
    func missingCapture(in texts: [PlanText]) -> StepFailure? {
        for name in texts.flatMap(\.captureNames) where captures[name] == nil {
            return StepFailure(
                kind: .localRefusal,
                message: "refused to send: the variable ${\(name)} was never captured (its pattern matched no earlier "
                    + "reply)"
            )
        }
        return nil
    }

    /// The line to send for `text` and the line to show, or a refusal when a capture put a CR or LF into it.
    func prepare(_ text: PlanText) -> Result<(wire: String, shown: String), StepFailure> {
        if let missing = missingCapture(in: [text]) { return .failure(missing) }
        let wire = text.wire(captures: captures)
        let shown = plan.redact(text.redacted(captures: captures))
        for problem in CommandLineCheck.problems(in: wire) {
            if case .lineBreakInside = problem {
                return .failure(
                    StepFailure(kind: .localRefusal, message: "refused to send \(shown.debugDescription): \(problem)")
                )
            }
        }
        return .success((wire, shown))
    }

    /// Tells the session state a command is about to go out; keeps RFC 5321's objection for the failure message.
    func willSend(_ kind: CommandKind) {
        sequenceProblem = session.willSend(kind)
    }

    /// Updates the session state after a command line and its reply.
    func noteSessionEffects(of line: String, reply: Reply) {
        let kind = CommandKind(rawLine: line)
        session.didReceive(reply, for: kind)
        if kind == .quit { quitSent = true }
    }
}
