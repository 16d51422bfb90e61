import SMTPCore

extension ReasonsCatalogue {
    /// What a reply at a step means, and its possible reasons.
    ///
    /// - Parameters:
    ///   - step: where the reply came; ``DiagnosisStep/any`` considers the entries of every step.
    ///   - code: the basic reply code, such as 550.
    ///   - enhanced: the enhanced status code, such as `5.1.1`; when `nil`, one that starts `text` is used.
    ///   - text: the reply's text (every line, joined), matched against the entries' text patterns.
    public func explain(
        step: DiagnosisStep,
        code: Int?,
        enhanced: EnhancedStatusCode? = nil,
        text: String? = nil
    ) -> Diagnosis {
        let parsedEnhanced = enhanced ?? text.flatMap { EnhancedStatusCode.leadingCode(in: $0) }
        var diagnosis = Diagnosis(step: step, code: code, text: text)
        if let code {
            diagnosis.codeInfo = replyCodes[code]
            diagnosis.replyClass = replyClasses[code / 100]
            diagnosis.replyCategory = replyCategories[(code / 10) % 10]
        }
        if let parsedEnhanced {
            diagnosis.enhanced = meaning(of: parsedEnhanced)
        }
        diagnosis.notes = notes(
            step: step,
            code: code,
            parsed: parsedEnhanced,
            info: diagnosis.codeInfo
        )
        let matches = entries.enumerated().compactMap { index, entry -> (DiagnosisMatch, Int)? in
            entry.match(step: step, code: code, enhanced: parsedEnhanced, text: text).map {
                (DiagnosisMatch(entry: entry, specificity: $0), index)
            }
        }
        fill(&diagnosis, with: matches)
        return diagnosis
    }

    /// What a transport failure at a step means, and its possible reasons (for `open`, the seed's five).
    public func explain(step: DiagnosisStep, transportFailure: TransportFailureKind) -> Diagnosis {
        var diagnosis = Diagnosis(step: step, transportFailure: transportFailure)
        diagnosis.failureInfo = transportFailures[transportFailure]
        let matches = entries.enumerated().compactMap { index, entry -> (DiagnosisMatch, Int)? in
            entry.match(step: step, failure: transportFailure).map {
                (DiagnosisMatch(entry: entry, specificity: $0), index)
            }
        }
        fill(&diagnosis, with: matches)
        return diagnosis
    }

    /// The class, subject and detail rows of an enhanced status code (a class-specific row before an `X.` one).
    func meaning(of code: EnhancedStatusCode) -> EnhancedCodeMeaning {
        let detail = enhancedDetails[code.description] ?? enhancedDetails["X.\(code.subject).\(code.detail)"]
        return EnhancedCodeMeaning(
            code: code.description,
            klass: enhancedClasses[code.klass],
            subject: enhancedSubjects[code.subject],
            detail: detail
        )
    }

    /// Orders the matches (most specific first; a team's entry first at the same level), keeps class-only
    /// matches only when nothing else matched, and gathers reasons and hints without repeats.
    func fill(_ diagnosis: inout Diagnosis, with found: [(DiagnosisMatch, Int)]) {
        let sorted = found.sorted { lhs, rhs in
            let (left, leftIndex) = lhs
            let (right, rightIndex) = rhs
            if left.specificity.level != right.specificity.level {
                return left.specificity.level > right.specificity.level
            }
            if left.entry.origin.isTeam != right.entry.origin.isTeam { return left.entry.origin.isTeam }
            if left.specificity.score != right.specificity.score {
                return left.specificity.score > right.specificity.score
            }
            return leftIndex < rightIndex
        }.map(\.0)
        let specific = sorted.filter { $0.specificity.level > .replyClass }
        diagnosis.matches = specific.isEmpty ? sorted : specific
        var reasons: [String] = []
        var hints: [String] = []
        for match in diagnosis.matches {
            for reason in match.entry.reasons where !reasons.contains(reason) { reasons.append(reason) }
            if let hint = match.entry.hint, !hints.contains(hint) { hints.append(hint) }
        }
        diagnosis.reasons = reasons
        diagnosis.hints = hints
    }

    private func notes(
        step: DiagnosisStep,
        code: Int?,
        parsed: EnhancedStatusCode?,
        info: ReplyCodeInfo?
    ) -> [String] {
        var notes: [String] = []
        if let code, let parsed, code / 100 != parsed.klass {
            notes.append(
                "the enhanced code's class \(parsed.klass) contradicts reply code \(code); RFC 3463 requires them to agree"
            )
        }
        if let code {
            if ReplyCode(code) == nil {
                notes.append("\(code) is not a valid reply code: the first digit must be 2-5 and the second 0-5")
            } else if let info, !info.isListed(for: step) {
                let listed = info.commands.map(\.commandName).joined(separator: ", ")
                notes.append("\(code) is not a usual reply to \(step.commandName); it is listed for \(listed)")
            } else if info == nil {
                notes.append("\(code) is not in the catalogue; it is read by its first digit")
            }
        }
        return notes
    }
}
