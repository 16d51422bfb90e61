import SMTPCore

extension ReasonsCatalogue {
    /// What an enhanced status code on its own (no basic reply code) means, and the entries that use it.
    ///
    /// The diagnosis carries the code's class, subject and detail, and every entry whose enhanced pattern covers
    /// the code at `step` (``DiagnosisStep/any``: at every step). An entry that also names a basic code or a text
    /// cannot be fully checked without them: it is kept when its codes are of the enhanced code's class (and its
    /// text matches `text`, when one is given), after the entries whose every condition was met, to show what
    /// else the code is used for.
    ///
    /// - Parameters:
    ///   - step: where the code came; ``DiagnosisStep/any`` considers the entries of every step.
    ///   - enhancedCode: the code, such as `5.7.1`.
    ///   - text: the reply's text, if known, matched against the entries' text patterns.
    public func explain(step: DiagnosisStep, enhancedCode parsed: EnhancedStatusCode, text: String? = nil) -> Diagnosis
    {
        var diagnosis = Diagnosis(step: step, text: text)
        diagnosis.enhanced = meaning(of: parsed)
        var unchecked = false
        let matches = entries.enumerated().compactMap { index, entry -> (DiagnosisMatch, Int)? in
            guard let found = entry.match(step: step, enhancedAlone: parsed, text: text) else { return nil }
            unchecked = unchecked || !found.checked
            return (DiagnosisMatch(entry: entry, specificity: found.specificity), index)
        }
        fill(&diagnosis, with: matches)
        if unchecked {
            diagnosis.notes.append(
                "no reply code\(text == nil ? " or text" : "") was given, so entries that also name one could not be "
                    + "checked against it; they are listed as other uses of \(parsed)"
            )
        }
        return diagnosis
    }
}

extension ReasonEntry {
    /// Extra score for an entry whose every condition was checked, so it comes before one that names a code or
    /// a text the lookup did not have (and never outranks a more specific enhanced pattern by less).
    private static let checkedBonus = 50

    /// How specifically the entry matches an enhanced status code given alone, and whether all of its
    /// conditions could be checked; `nil` when it does not match (no enhanced pattern covers the code, its
    /// codes are of another class, or its text does not match the given text).
    func match(
        step: DiagnosisStep,
        enhancedAlone code: EnhancedStatusCode,
        text actualText: String?
    ) -> (specificity: MatchSpecificity, checked: Bool)? {
        guard failures.isEmpty, !enhanced.isEmpty, applies(at: step) else { return nil }
        guard let best = enhanced.filter({ $0.matches(code) }).map(\.precision).max() else { return nil }
        // RFC 3463 §2: the enhanced class and the reply code's first digit agree, so codes of another class rule
        // the entry out even without the reply code itself.
        if !codes.isEmpty, !codes.contains(where: { $0.klass == code.klass }) { return nil }
        var score = 2 * best
        var checked = codes.isEmpty
        if let text {
            if let actualText {
                guard text.matches(actualText) else { return nil }
                score += 10
            } else {
                checked = false
            }
        }
        if checked { score += Self.checkedBonus }
        let stepSpecific = isStepSpecific(for: step)
        if stepSpecific { score += 100 }
        return (MatchSpecificity(level: stepSpecific ? .stepAndDetail : .detail, score: score), checked)
    }
}
