import Foundation
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// A result for `step` with nothing sent or received yet; its transcript range starts here.
    func baseResult(_ step: PlannedStep, startedAt: Date) -> StepResult {
        let here = transcript.entries.count
        return StepResult(
            index: step.index,
            verb: step.verb,
            command: step.command,
            name: step.name,
            location: step.location,
            verdict: .passed,
            expectation: step.expectation,
            startedAt: startedAt,
            transcriptRange: here..<here
        )
    }

    /// Judges the reply a step is judged on: the expectation, an enhanced code that contradicts its reply code
    /// (a server defect) and the `within` timing assertion; then applies the captures. A capture that does not
    /// match is noted, not failed: a later step that needs it is refused instead (see ``missingCapture(in:)``).
    func judge(
        _ step: PlannedStep,
        reply: Reply,
        role: ReplyRole = .command,
        took: Duration,
        into result: inout StepResult
    ) {
        let shownReply = shown(reply)
        result.reply = shownReply
        result.replyRole = role
        result.duration = took
        var mismatches = ExpectationCheck.mismatches(
            of: shownReply,
            against: step.expectation,
            capabilities: capabilities(of:)
        )
        if mismatches.isEmpty, reply.enhancedStatusCodeDefect != nil {
            mismatches.append(.enhancedCodeContradiction(shownReply))
        }
        if mismatches.isEmpty, let within = step.within, took > within {
            let phase: FailurePhase =
                switch role {
                case .greeting: .greeting
                case .endOfData, .chunk: .data
                case .command, .dataCommand: .command
                }
            mismatches.append(.tooSlow(limit: within, took: took, phase: phase))
        }
        if mismatches.isEmpty, !step.captures.isEmpty {
            let captured = CaptureExtractor.capture(step.captures, from: reply)
            captures.merge(captured.values) { _, new in new }
            result.captured = captured.values.mapValues(plan.redact)
            for problem in captured.problems { transcript.note(problem) }
        }
        let notes = takeNotes()
        if mismatches.isEmpty {
            result.verdict = .passed
        } else {
            result.verdict = .failed
            result.failure = StepFailure(mismatches, notes: notes)
            failingReply = reply
        }
    }

    /// A reply as results show it: every secret of the plan masked in its lines.
    func shown(_ reply: Reply) -> Reply {
        guard !plan.secrets.isEmpty else { return reply }
        return Reply(code: reply.code, lines: reply.lines.map(plan.redact))
    }

    /// Marks a result failed by a transport error in `phase`, and notes it in the transcript.
    func fail(_ result: inout StepResult, _ error: TransportError, phase: FailurePhase, took: Duration) {
        fail(&result, StepFailure(.transport(error, phase: phase)), took: took)
    }

    /// Marks a result failed (or refused, when the runner refused it) and notes it in the transcript.
    func fail(_ result: inout StepResult, _ failure: StepFailure, took: Duration) {
        var failure = failure
        failure.notes += takeNotes()
        result.verdict = failure.kind == .localRefusal ? .refused : .failed
        result.failure = failure
        result.duration = took
        transcript.note(failure.mismatches.map(\.description).joined(separator: "; "))
    }

    /// The notes gathered for the step being played (an out-of-sequence command, an unadvertised mechanism),
    /// cleared for the next step.
    func takeNotes() -> [StepNote] {
        defer { pendingNotes = [] }
        return pendingNotes
    }

    /// A refusal when one of `texts` needs a capture that no earlier reply provided.
    func missingCapture(in texts: [PlanText]) -> StepFailure? {
        for name in texts.flatMap(\.captureNames) where captures[name] == nil {
            return StepFailure(.refused(.missingCapture(name: name)))
        }
        return nil
    }

    /// A refusal when `text`, its captures filled in, holds what SMTPCore's ``WireFence`` refuses in `slot`. The
    /// compiler fenced every value it knew; this is the same fence for what only the server's replies supply (and
    /// a second look at the rest).
    func fenceRefusal(_ text: PlanText, slot: WireSlot, what: String) -> StepFailure? {
        guard let violation = WireFence.firstViolation(of: text.wire(captures: captures), in: slot) else {
            return nil
        }
        // The case's own values (its number in a generated Message-ID) are the runner's, never the server's.
        let fromReplies = text.captureNames.filter { plan.caseCaptures[$0] == nil }
        return StepFailure(.refused(.fence(violation, what: what, captures: fromReplies)))
    }

    /// The line to send for `text` and the line to show, or a refusal when a capture is missing or put a CR, LF or
    /// NUL into it.
    func prepare(_ text: PlanText) -> Result<(wire: String, shown: String), StepFailure> {
        if let missing = missingCapture(in: [text]) { return .failure(missing) }
        if let refusal = fenceRefusal(text, slot: .commandLine, what: "the command line") {
            return .failure(refusal)
        }
        let wire = text.wire(captures: captures)
        let shown = plan.redact(text.redacted(captures: captures))
        return .success((wire, shown))
    }

    /// Tells the session state a command is about to go out; keeps RFC 5321's objection as a note for the step.
    func willSend(_ kind: CommandKind) {
        if let problem = session.willSend(kind) { pendingNotes.append(.outOfSequence(problem)) }
    }

    /// Updates the session state after a command and its reply, and keeps the lines of the recipients accepted in
    /// the current transaction (an LMTP server replies once per recipient after the message).
    func noteSessionEffects(of kind: CommandKind, line: String, reply: Reply) {
        if kind == .ehlo || kind == .lhlo {
            session.didReceive(reply, for: kind, capabilities: capabilities(of: reply))
        } else {
            session.didReceive(reply, for: kind)
        }
        switch kind {
        case .quit: quitSent = true
        case .rcpt where reply.isPositiveCompletion: acceptedRecipients.append(line)
        case .mail, .rset, .ehlo, .helo, .lhlo, .starttls: acceptedRecipients = []
        default: break
        }
    }

    /// The EHLO capabilities of `reply`, read once: the session's state and the step's expectation both need
    /// those of the same reply.
    func capabilities(of reply: Reply) -> EHLOCapabilities {
        if let last = lastCapabilities, last.reply == reply { return last.capabilities }
        let capabilities = EHLOCapabilities(reply: reply)
        lastCapabilities = (reply, capabilities)
        return capabilities
    }
}
