import SMTPCore
import SMTPYAML

extension CatalogueReader {
    /// The keys a reason entry may have.
    static let entryKeys = [
        "id", "step", "code", "enhanced", "text", "failure", "meaning", "reasons", "hint", "source",
    ]

    /// Reads the `entries` section.
    mutating func entries(_ node: YAMLNode?) -> [ReasonEntry] {
        var result: [ReasonEntry] = []
        var seenIDs: [String: SourceLocation] = [:]
        for item in items(node, section: "entries") {
            guard let entry = entry(item) else { continue }
            if let id = entry.id, let idNode = item["id"] {
                if let first = seenIDs[id] {
                    diagnostics.append(
                        Diagnostic(
                            message: "entry id '\(id)' is used twice",
                            location: idNode.location,
                            note: "first used at line \(first.line); give each entry its own id",
                            span: id.count
                        )
                    )
                    continue
                }
                seenIDs[id] = idNode.location
            }
            result.append(entry)
        }
        return result
    }

    private mutating func entry(_ item: YAMLNode) -> ReasonEntry? {
        let what = "a reason entry"
        guard let row = MappingReader(item, what: what, allowedKeys: Self.entryKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let before = diagnostics.count
        let id = optionalText(row, "id")
        let entrySteps = row["step"].flatMap { steps($0, key: "step") } ?? [.any]
        let entryCodes = row["code"].flatMap { codes($0) } ?? []
        let entryEnhanced = row["enhanced"].flatMap { enhancedPatterns($0) } ?? []
        let entryText = row["text"].flatMap { textPattern($0) }
        let entryFailures = row["failure"].flatMap { failures($0, key: "failure") } ?? []
        let meaning = optionalText(row, "meaning")
        let entryReasons = reasons(row, what: what)
        let hint = optionalText(row, "hint")
        let source = optionalText(row, "source")

        let hasReplyPattern = row["code"] != nil || row["enhanced"] != nil || row["text"] != nil
        if let failureEntry = row.entry("failure"), hasReplyPattern {
            diagnostics.append(
                Diagnostic(
                    message: "an entry matches either a reply or a transport failure, not both",
                    location: failureEntry.keyLocation,
                    note: "split it into two entries",
                    span: failureEntry.key.count
                )
            )
        } else if row["failure"] == nil, !hasReplyPattern {
            diagnostics.append(
                Diagnostic(
                    message: "a reason entry needs a pattern",
                    location: item.location,
                    note: "give at least one of code, enhanced, text, or a failure"
                )
            )
        }
        guard diagnostics.count == before, let entryReasons else { return nil }
        return ReasonEntry(
            id: id,
            steps: entrySteps,
            codes: entryCodes,
            enhanced: entryEnhanced,
            text: entryText,
            failures: entryFailures,
            meaning: meaning,
            reasons: entryReasons,
            hint: hint,
            source: source,
            location: item.location,
            origin: origin
        )
    }

    mutating func reasons(_ row: MappingReader, what: String) -> [String]? {
        guard let node = row.required("reasons", what: what, diagnostics: &diagnostics) else { return nil }
        guard let items = node.items, !items.isEmpty else {
            diagnostics.append(
                Diagnostic(
                    message: "'reasons' must be a non-empty list of sentences, not \(node.kindDescription)",
                    location: node.location
                )
            )
            return nil
        }
        var result: [String] = []
        for item in items {
            guard let sentence = item.string("each reason", diagnostics: &diagnostics) else { continue }
            if sentence.allSatisfy(\.isWhitespace) {
                diagnostics.append(Diagnostic(message: "a reason must not be empty", location: item.location))
                continue
            }
            result.append(sentence)
        }
        return result
    }

    /// Reads a step keyword or a list of them.
    mutating func steps(_ node: YAMLNode?, key: String) -> [DiagnosisStep]? {
        guard let node, !node.isNull else { return nil }
        guard let words = node.stringList("'\(key)'", diagnostics: &diagnostics) else { return nil }
        var result: [DiagnosisStep] = []
        for (word, location) in words {
            guard let step = DiagnosisStep(rawValue: word) else {
                let known = DiagnosisStep.allCases.map(\.keyword)
                diagnostics.append(
                    Diagnostic(
                        message: "unknown step '\(word)'",
                        location: location,
                        note: Suggestion.closest(to: word, among: known).map { "did you mean '\($0)'?" }
                            ?? "known steps: \(known.joined(separator: ", "))",
                        span: word.count
                    )
                )
                continue
            }
            result.append(step)
        }
        return result
    }

    /// Reads a transport failure keyword or a list of them.
    mutating func failures(_ node: YAMLNode, key: String) -> [TransportFailureKind]? {
        guard let words = node.stringList("'\(key)'", diagnostics: &diagnostics) else { return nil }
        var result: [TransportFailureKind] = []
        for (word, location) in words {
            guard let failure = TransportFailureKind(rawValue: word) else {
                let known = TransportFailureKind.allCases.map(\.keyword)
                diagnostics.append(
                    Diagnostic(
                        message: "unknown transport failure '\(word)'",
                        location: location,
                        note: Suggestion.closest(to: word, among: known).map { "did you mean '\($0)'?" }
                            ?? "known failures: \(known.joined(separator: ", "))",
                        span: word.count
                    )
                )
                continue
            }
            result.append(failure)
        }
        return result
    }

    /// The diagnostic for a value that is not a reply code (or class).
    func invalidCode(_ node: YAMLNode, exactOnly: Bool) -> Diagnostic {
        let shown = node.scalar.map { "'\($0)'" } ?? node.kindDescription
        return Diagnostic(
            message: "\(shown) is not a reply code\(exactOnly ? "" : " or class")",
            location: node.location,
            note: exactOnly
                ? "write a three-digit code: first digit 2-5, second 0-5, third 0-9"
                : "write a three-digit code (first digit 2-5, second 0-5) such as 550, or a class such as 5xx",
            span: max(1, node.scalar?.count ?? 1)
        )
    }

    private mutating func codes(_ node: YAMLNode) -> [ReplyCodePattern]? {
        let values: [YAMLNode] = node.items ?? [node]
        var result: [ReplyCodePattern] = []
        for value in values {
            guard let text = value.scalar, let pattern = ReplyCodePattern(text) else {
                diagnostics.append(invalidCode(value, exactOnly: false))
                continue
            }
            result.append(pattern)
        }
        return result
    }

    private mutating func enhancedPatterns(_ node: YAMLNode) -> [EnhancedCodePattern]? {
        let values: [YAMLNode] = node.items ?? [node]
        var result: [EnhancedCodePattern] = []
        for value in values {
            guard let text = value.scalar, let pattern = EnhancedCodePattern(text) else {
                let shown = value.scalar.map { "'\($0)'" } ?? value.kindDescription
                diagnostics.append(
                    Diagnostic(
                        message: "\(shown) is not an enhanced status code pattern",
                        location: value.location,
                        note: "write class.subject.detail with x for any part, such as 5.1.1, X.7.x or 5.7.606-649",
                        span: max(1, value.scalar?.count ?? 1)
                    )
                )
                continue
            }
            result.append(pattern)
        }
        return result
    }

    private mutating func textPattern(_ node: YAMLNode) -> ReplyTextPattern? {
        guard let text = node.string("'text'", diagnostics: &diagnostics) else { return nil }
        guard let pattern = ReplyTextPattern(text) else {
            diagnostics.append(
                Diagnostic(
                    message: "'\(text)' is not a valid regular expression",
                    location: node.location,
                    note: "text is a case-insensitive regular expression searched in the reply text",
                    span: max(1, text.count)
                )
            )
            return nil
        }
        return pattern
    }
}
