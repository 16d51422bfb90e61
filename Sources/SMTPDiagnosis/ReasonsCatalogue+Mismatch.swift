import SMTPCore
import SMTPRunner
import SMTPScenario

extension ReasonsCatalogue {
    /// Explains one mismatch of `step` (whose replies belong to `diagnosisStep`): a wrong reply (or an LMTP
    /// recipient's) by the reply's own entries, a transport failure by its kind at the step (a greeting that never
    /// came by its own row), anything else by its kind's row of `mismatches:`. Remarks about a reply are added to
    /// `notes`.
    public func explain(
        _ mismatch: Mismatch,
        at diagnosisStep: DiagnosisStep,
        step: StepResult,
        notes: inout [String]
    ) -> ExplainedMismatch {
        let kind = mismatch.kind
        var explained = ExplainedMismatch(
            mismatch: mismatch,
            kind: kind,
            summary: mismatch.description,
            meaning: mismatch.description,
            reasons: []
        )
        switch mismatch {
        case .reply(let reply):
            explained.summary = "expected \(step.expected), got \(reply)"
            explained.expected = step.expected
            explained.observed = reply.encodedLines.first
            apply(explain(step: diagnosisStep, reply: reply), to: &explained, notes: &notes)
        case .recipientReply(let recipient):
            explained.expected = recipient.expected
            explained.observed = recipient.reply.encodedLines.first
            apply(explain(step: .endOfData, reply: recipient.reply), to: &explained, notes: &notes)
        case .transport(let error, let phase):
            if kind == .greetingTimeout || error.transportFailure == nil {
                apply(mismatches[kind], to: &explained)
            } else if let failure = error.transportFailure {
                let step = phase == .greeting ? DiagnosisStep.open : diagnosisStep
                let diagnosis = explain(step: step, transportFailure: failure)
                explained.meaning = diagnosis.meaning
                explained.reasons = diagnosis.reasons
                explained.hints = diagnosis.hints
            }
        case .capabilityParameter(let requirement, let advertised),
            .capabilityComparison(let requirement, let advertised):
            explained.expected = requirement.description
            explained.observed = ([requirement.keyword] + advertised).joined(separator: " ")
            apply(mismatches[kind], to: &explained)
        case .capabilityMissing(let requirement):
            explained.expected = requirement.description
            apply(mismatches[kind], to: &explained)
        case .tls(let fact):
            explained.expected = fact.expected
            explained.observed = fact.observed
            apply(mismatches[kind], to: &explained)
        case .tooSlow(let limit, let took, _):
            explained.expected = "within \(limit.shortText)"
            explained.observed = took.shortText
            apply(mismatches[kind], to: &explained)
        default:
            explained.expected = mismatch.arrivalExpected
            explained.observed = mismatch.arrivalObserved
            apply(mismatches[kind], to: &explained)
            if kind == .notificationAction || kind == .notificationStatus {
                explainNotifiedStatus(step.arrivals, into: &explained)
            }
        }
        return explained
    }

    /// For a notification that reports an unexpected outcome: what its Status means where the recipient was
    /// refused (the catalogue's RCPT entries for that enhanced code), with the Diagnostic-Code — the next hop's own
    /// reply — as the first reason.
    private func explainNotifiedStatus(_ arrivals: [ArrivalSummary], into explained: inout ExplainedMismatch) {
        // The recipients the step asked about come first in the summary.
        guard let notified = arrivals.first(where: \.isThisCase)?.notification.first else { return }
        let diagnosis = explain(step: .rcpt, enhancedCode: notified.status, text: notified.diagnosticCode)
        if let meaning = diagnosis.enhanced?.summary {
            explained.meaning += " The notification reports \(notified.action) \(notified.status): \(meaning)."
        }
        var reasons: [String] = []
        if let code = notified.diagnosticCode {
            reasons.append("The notification's Diagnostic-Code, as the next hop answered: \(code)")
        }
        reasons += diagnosis.reasons
        explained.reasons = reasons + explained.reasons.filter { !reasons.contains($0) }
    }

    private func apply(_ diagnosis: Diagnosis, to explained: inout ExplainedMismatch, notes: inout [String]) {
        explained.meaning = diagnosis.meaning
        explained.reasons = diagnosis.reasons
        explained.hints = diagnosis.hints
        for note in diagnosis.notes where !notes.contains(note) { notes.append(note) }
    }

    private func apply(_ info: MismatchInfo?, to explained: inout ExplainedMismatch) {
        guard let info else { return }
        explained.meaning = info.meaning
        explained.reasons = info.reasons
        explained.hints = info.hint.map { [$0] } ?? []
    }
}

extension Mismatch {
    /// The transport failure the catalogue knows this mismatch as, or `nil` when it is not one.
    var transportFailure: TransportFailureKind? {
        guard case .transport(let error, _) = self else { return nil }
        return error.transportFailure
    }
}

extension TransportError {
    /// The transport failure the catalogue keys this error as; `nil` for a local problem (nothing was sent).
    var transportFailure: TransportFailureKind? {
        switch self {
        case .connectFailed(let reason, _):
            switch reason {
            case .refused: return .refused
            case .unreachable, .other: return .unreachable
            case .dnsFailure: return .dnsFailure
            case .timeout: return .timeout
            }
        case .timedOut: return .timeout
        case .closed: return .closed
        case .defect: return .protocolDefect
        case .tls: return .tlsFailure
        case .local: return nil
        }
    }
}
