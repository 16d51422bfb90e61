import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario

extension FailureExplanation {
    /// Explains a case's failure: its failing step's typed mismatches, each looked up in the catalogue (a wrong
    /// reply by its code, enhanced code and text at its step; a transport failure by its kind and phase; any other
    /// mismatch by its kind), with the transcript up to the end of the step. `nil` for a case that passed or has
    /// no failing step.
    public static func explain(_ result: ScenarioResult, catalogue: ReasonsCatalogue) -> FailureExplanation? {
        guard result.status != .passed, let step = result.failedStep, let failure = step.failure else { return nil }
        let diagnosisStep = DiagnosisStep(command: step.command, role: step.replyRole)
        var replyNotes: [String] = []
        let explained = failure.mismatches.map { mismatch in
            catalogue.explain(mismatch, at: diagnosisStep, step: step, notes: &replyNotes)
        }
        var reasons: [String] = []
        var hints: [String] = []
        for item in explained {
            for reason in item.reasons where !reasons.contains(reason) { reasons.append(reason) }
            for hint in item.hints where !hints.contains(hint) { hints.append(hint) }
        }
        let primary = explained.first
        var explanation = FailureExplanation(
            location: step.location,
            verb: step.verb,
            stepName: step.name,
            diagnosisStep: diagnosisStep,
            sent: step.sentLines.first,
            peer: step.peer,
            expected: expectedText(step.expectation),
            got: gotLines(step, failure: failure),
            reply: step.reply,
            failure: failure,
            transportFailure: failure.mismatches.lazy.compactMap(\.transportFailure).first,
            mismatches: explained,
            meaning: primary?.meaning ?? failure.message,
            reasons: reasons,
            hints: hints,
            notes: failure.notes.map(\.description) + replyNotes,
            transcript: Array(result.transcript.prefix(step.transcriptRange.upperBound)),
            isError: result.status == .error || failure.kind.isError
        )
        explanation.arrivals = step.arrivals
        return explanation
    }

    /// The expectation as a report shows it: as written, then the capabilities it requires and lacks, and its
    /// TLS checks (`250; capabilities SMTPUTF8, SIZE >= 10485760; lacks PIPELINING`).
    static func expectedText(_ expectation: Expectation) -> String {
        var parts = [expectation.source]
        if !expectation.capabilities.isEmpty {
            parts.append("capabilities " + expectation.capabilities.map(\.description).joined(separator: ", "))
        }
        if !expectation.lacks.isEmpty { parts.append("lacks " + expectation.lacks.joined(separator: ", ")) }
        if let tls = expectation.tls { parts.append("tls " + tls.checksText) }
        return parts.joined(separator: "; ")
    }

    /// What came back: the judged reply's lines in wire form (every LMTP recipient's reply); for a failure without
    /// a reply, the runner's words (and the bytes a protocol defect is about).
    static func gotLines(_ step: StepResult, failure: StepFailure) -> [String] {
        if !step.recipientReplies.isEmpty {
            return step.recipientReplies.flatMap { recipient in
                recipient.reply.encodedLines.map { "\($0)  (recipient \(recipient.index + 1))" }
            }
        }
        if let reply = step.reply { return reply.encodedLines }
        if step.verb.isAwait { return failure.mismatches.map(\.description) }
        guard let primary = failure.primary else { return [failure.message] }
        if case .transport(let error, _) = primary, let quoted = error.offendingText,
            !primary.description.contains(quoted)
        {
            return [primary.description, "received: \(quoted)"]
        }
        return [primary.description]
    }
}

extension TLSExpectation {
    /// The checks as written: `valid-days >= 14, version >= 1.2, san mail.example.com`.
    var checksText: String {
        var parts: [String] = []
        if let validDays { parts.append("valid-days \(validDays)") }
        if let minimumVersion { parts.append("version >= \(minimumVersion)") }
        if let subject { parts.append("subject /\(subject)/") }
        if let issuer { parts.append("issuer /\(issuer)/") }
        if let san { parts.append("san \(san)") }
        if let cipher { parts.append("cipher /\(cipher)/") }
        return parts.joined(separator: ", ")
    }
}
