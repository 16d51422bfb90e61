import SMTPCore

extension ReasonEntry {
    /// Whether the entry applies at `step`; a lookup at ``DiagnosisStep/any`` considers every entry (reply lookups
    /// then keep the entries of particular steps only when an enhanced code or a text matched).
    func applies(at step: DiagnosisStep) -> Bool {
        step == .any || steps.contains(.any) || steps.contains(step)
    }

    /// Whether the entry names the step the lookup asked about (an entry for `[open, any]` is specific to `open`
    /// and generic elsewhere); never for a lookup at ``DiagnosisStep/any``.
    func isStepSpecific(for step: DiagnosisStep) -> Bool {
        step != .any && steps.contains(step)
    }

    /// How specifically the entry matches a reply, or `nil` when it does not.
    func match(
        step: DiagnosisStep,
        code: Int?,
        enhanced actualEnhanced: EnhancedStatusCode?,
        text actualText: String?
    ) -> MatchSpecificity? {
        guard failures.isEmpty, applies(at: step) else { return nil }
        guard !codes.isEmpty || !enhanced.isEmpty || text != nil else { return nil }
        var score = 0
        var exactCode = false
        if !codes.isEmpty {
            guard let code else { return nil }
            let matching = codes.filter { $0.matches(code) }
            guard !matching.isEmpty else { return nil }
            exactCode = matching.contains { if case .exact = $0 { return true } else { return false } }
            score += exactCode ? 4 : 1
        }
        if !enhanced.isEmpty {
            guard let actualEnhanced else { return nil }
            let precisions = enhanced.filter { $0.matches(actualEnhanced) }.map(\.precision)
            guard let best = precisions.max() else { return nil }
            score += 2 * best
        }
        if let text {
            guard let actualText, text.matches(actualText) else { return nil }
            score += 10
        }
        let stepSpecific = isStepSpecific(for: step)
        if stepSpecific { score += 100 }
        let detailed = !enhanced.isEmpty || text != nil
        // Asked about no step in particular, an entry for particular steps counts only when an enhanced code or
        // a text ties it to this reply; otherwise `550` would bring the reasons of every step's 550.
        if step == .any, !steps.contains(.any), !detailed { return nil }
        let level: MatchSpecificity.Level
        switch (stepSpecific, detailed) {
        case (true, true): level = .stepAndDetail
        case (false, true): level = .detail
        case (true, false): level = .stepAndCode
        case (false, false): level = exactCode ? .code : .replyClass
        }
        return MatchSpecificity(level: level, score: score)
    }

    /// How specifically the entry matches a transport failure, or `nil` when it does not.
    func match(step: DiagnosisStep, failure: TransportFailureKind) -> MatchSpecificity? {
        guard failures.contains(failure), applies(at: step) else { return nil }
        let stepSpecific = isStepSpecific(for: step)
        return MatchSpecificity(level: stepSpecific ? .stepAndCode : .code, score: stepSpecific ? 104 : 4)
    }
}
