import Foundation
import SMTPCore
import SMTPDiagnosis
import SMTPRunner
import SMTPScenario

extension FailureExplanation {
    /// Explains a case's failure: its failing step, looked up in the catalogue (the reply at that step, or the
    /// transport failure when no reply came), with the transcript up to the failure. `nil` for a case that
    /// passed or has no failing step.
    public static func explain(_ result: ScenarioResult, catalogue: ReasonsCatalogue) -> FailureExplanation? {
        guard result.status != .passed, let step = result.failedStep else { return nil }
        let failure =
            step.failure
            ?? StepFailure(kind: .unexpectedReply, message: "the step did not get what it expected")
        let followsMessage = step.intermediateReplies.contains { $0.replyClass == .positiveIntermediate }
        // A raw `send` line is explained as the command it is (`send: EHLO bad!` gets EHLO's reasons).
        let diagnosisStep =
            step.verb == .send
            ? step.sentLines.first.map { DiagnosisStep(commandLine: $0) } ?? .any
            : DiagnosisStep(verb: step.verb.keyword, replyFollowsMessage: followsMessage)
        let transport = failure.kind.transportFailure
        let diagnosis: Diagnosis?
        if let reply = step.reply, transport == nil {
            diagnosis = catalogue.explain(
                step: diagnosisStep,
                code: reply.code.value,
                enhanced: reply.enhancedStatusCode?.description,
                text: reply.text
            )
        } else if let transport {
            diagnosis = catalogue.explain(step: diagnosisStep, transportFailure: transport)
        } else {
            diagnosis = nil
        }
        return FailureExplanation(
            location: step.location,
            verb: step.verb,
            stepName: step.name,
            diagnosisStep: diagnosisStep,
            sent: step.sentLines.first,
            peer: step.peer,
            expected: step.expected,
            got: gotLines(step, failure: failure),
            reply: step.reply,
            failure: failure,
            transportFailure: diagnosis?.transportFailure ?? transport,
            meaning: meaning(of: failure, diagnosis: diagnosis),
            reasons: diagnosis?.reasons ?? [],
            hints: diagnosis?.hints ?? [],
            notes: diagnosis?.notes ?? [],
            transcript: transcript(of: result, upTo: step),
            isError: result.status == .error || failure.kind.isError
        )
    }

    /// What came back, in wire form; for a failure without a judged reply, the runner's words (and the bytes a
    /// protocol defect is about).
    static func gotLines(_ step: StepResult, failure: StepFailure) -> [String] {
        switch failure.kind {
        case .unexpectedReply, .unexpectedConnection:
            if let reply = step.reply { return reply.encodedLines }
        case .tooSlow:
            if let reply = step.reply { return reply.encodedLines + [failure.message] }
        case .protocolDefect(let quoted):
            if !quoted.isEmpty, !failure.message.contains(quoted) {
                return [failure.message, "received: \(quoted)"]
            }
        default:
            break
        }
        return [failure.message]
    }

    /// The meaning line: the diagnosis's, or the runner's words when the catalogue has nothing.
    static func meaning(of failure: StepFailure, diagnosis: Diagnosis?) -> String {
        switch failure.kind {
        case .localRefusal:
            return "the runner refused to play the step; nothing was sent"
        case .unexpectedConnection:
            return "a connection was made where the step expected none"
        case .tooSlow(let limit, let took):
            return "the reply came after \(took.reportText), later than the step's limit of \(limit.reportText)"
        default:
            return diagnosis?.meaning ?? failure.message
        }
    }

    /// The transcript from the start up to and including the failing step's reply (or, without a reply, the
    /// lines until the step ended); the polite QUIT after a failure is left out.
    static func transcript(of result: ScenarioResult, upTo step: StepResult) -> [TranscriptEntry] {
        let entries = result.transcript
        let end = step.startedAt.addingTimeInterval(step.duration.secondsValue + 0.25)
        if let reply = step.reply, let last = reply.encodedLines.last,
            let index = entries.lastIndex(where: { $0.direction == .server && $0.text == last && $0.time <= end })
        {
            return Array(entries[...index])
        }
        var kept = Array(entries.prefix { $0.time <= end })
        if step.verb != .quit,
            let quit = kept.lastIndex(where: {
                $0.direction == .client && $0.text.uppercased() == "QUIT" && $0.time >= step.startedAt
            })
        {
            kept.removeSubrange(quit...)
        }
        return kept.isEmpty ? entries : kept
    }
}
