import SMTPYAML

extension ScenarioReader {
    /// The modifier keys any step may carry.
    public static let modifierKeys = ["expect", "capture", "timeout", "within", "name"]
    /// Modifiers allowed beside one verb only.
    static let verbModifiers: [String: Verb] = ["notify": .rcpt, "force": .pipeline]
    /// Verbs that may be written bare, without an argument.
    static let bareVerbs: Set<Verb> = [.quit, .rset, .noop, .help, .starttls]

    /// Reads a list of steps.
    mutating func readSteps(_ node: YAMLNode, what: String) -> [StepAST] {
        guard let items = node.items else {
            error(
                "'\(what)' must be a list of steps, not \(node.kindDescription)",
                at: node.location,
                note: "start each step with '- ', as in '- ehlo: example.com'"
            )
            return []
        }
        return items.compactMap { readStep($0) }
    }

    private mutating func readStep(_ node: YAMLNode) -> StepAST? {
        switch node.content {
        case .scalar(let word, _):
            guard let verb = Verb(rawValue: word) else {
                unknownVerb(word, at: node.location)
                return nil
            }
            guard Self.bareVerbs.contains(verb) else {
                error(
                    "'\(word)' needs an argument",
                    at: node.location,
                    note: "write '- \(word): …'",
                    span: word.count
                )
                return nil
            }
            return StepAST(verb: verb, location: node.location, argument: .none, expect: nil)
        case .mapping(let entries):
            return readStepMapping(node, entries)
        case .sequence, .null:
            error(
                "a step must be a verb or a mapping with one verb, not \(node.kindDescription)",
                at: node.location,
                note: "for example '- ehlo: example.com' or '- quit'"
            )
            return nil
        }
    }

    private mutating func readStepMapping(_ node: YAMLNode, _ entries: [YAMLEntry]) -> StepAST? {
        var verbs: [(Verb, YAMLEntry)] = []
        var modifiers: [String: YAMLEntry] = [:]
        var unknown: [YAMLEntry] = []
        for entry in entries {
            if let verb = Verb(rawValue: entry.key) {
                verbs.append((verb, entry))
            } else if Self.modifierKeys.contains(entry.key) || Self.verbModifiers[entry.key] != nil {
                modifiers[entry.key] = entry
            } else {
                unknown.append(entry)
            }
        }
        let allKeys = Verb.allCases.map(\.rawValue) + Self.modifierKeys + Self.verbModifiers.keys.sorted()
        for entry in unknown {
            let guess = Suggestion.closest(to: entry.key, among: allKeys)
            let isVerbLike = verbs.isEmpty || guess.map { Verb(rawValue: $0) != nil } ?? false
            append(
                Diagnostic(
                    message: isVerbLike ? "unknown verb '\(entry.key)'" : "unknown key '\(entry.key)' in a step",
                    location: entry.keyLocation,
                    note: guess.map { "did you mean '\($0)'?" }
                        ?? "verbs: \(Verb.allCases.map(\.rawValue).joined(separator: ", "))",
                    span: entry.key.count
                )
            )
        }
        if verbs.count != 1 {
            if verbs.isEmpty {
                if unknown.isEmpty {
                    error(
                        "a step must have exactly one verb; this one has none",
                        at: node.location,
                        note: "add one of: \(Verb.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
            } else {
                let names = verbs.map(\.0.rawValue).joined(separator: ", ")
                error(
                    "a step must have exactly one verb; this one has \(verbs.count): \(names)",
                    at: verbs[1].1.keyLocation,
                    note: "split it into one step per verb",
                    span: verbs[1].1.key.count
                )
            }
            return nil
        }
        let (verb, verbEntry) = verbs[0]
        for (key, entry) in modifiers {
            if let owner = Self.verbModifiers[key], owner != verb {
                error(
                    "'\(key)' belongs beside '\(owner.rawValue)', not '\(verb.rawValue)'",
                    at: entry.keyLocation,
                    span: key.count
                )
            }
        }
        var step = StepAST(verb: verb, location: verbEntry.keyLocation, argument: readArgument(verb, verbEntry))
        if verb.isAwait {
            refuseReplyModifiers(modifiers, of: verb)
            if let expect = modifiers["expect"] {
                step.arrivalExpectation = readArrivalExpectation(expect.value, verb: verb)
            }
        } else if let expect = modifiers["expect"] {
            step.expect = readExpectation(expect.value, verb: verb)
        }
        if let capture = modifiers["capture"], !verb.isAwait {
            step.captures = readCaptures(capture.value)
        }
        if let timeout = modifiers["timeout"], !verb.isAwait {
            step.timeout = duration(timeout.value, "timeout")
        }
        if let within = modifiers["within"], !verb.isAwait {
            step.within = duration(within.value, "within")
        }
        if let name = modifiers["name"] {
            step.name = located(name.value, "name")
        }
        if let notify = modifiers["notify"], verb == .rcpt {
            step.notify = readNotify(notify.value)
        }
        if let force = modifiers["force"], verb == .pipeline {
            step.force = flag(force.value, "force", default: false)
        }
        if verb == .send, step.expect == nil {
            error(
                "'send' needs an 'expect'",
                at: verbEntry.keyLocation,
                note: "a raw command has no default reply; add for example 'expect: 250'",
                span: 4
            )
        }
        return step
    }

    /// An await step has no reply: `capture`, `timeout` and the `within` modifier do not apply to it (its waiting
    /// time is the `within` inside its argument).
    private mutating func refuseReplyModifiers(_ modifiers: [String: YAMLEntry], of verb: Verb) {
        for key in ["capture", "timeout", "within"] {
            guard let entry = modifiers[key] else { continue }
            error(
                "'\(key)' does not apply to '\(verb.rawValue)'",
                at: entry.keyLocation,
                note: key == "capture"
                    ? "an await step reads no reply to capture from"
                    : "an await step waits as long as the 'within' inside it says: '\(verb.rawValue): {at: …, within: 30s}'",
                span: key.count
            )
        }
    }

    mutating func unknownVerb(_ word: String, at location: SourceLocation) {
        let guess = Suggestion.closest(to: word, among: Verb.allCases.map(\.rawValue))
        append(
            Diagnostic(
                message: "unknown verb '\(word)'",
                location: location,
                note: guess.map { "did you mean '\($0)'?" }
                    ?? "verbs: \(Verb.allCases.map(\.rawValue).joined(separator: ", "))",
                span: word.count
            )
        )
    }

    private mutating func readCaptures(_ node: YAMLNode) -> [Capture] {
        guard let entries = node.entries else {
            error(
                "'capture' must be a mapping of variable names to regular expressions",
                at: node.location,
                note: "for example capture: {queue_id: 'queued as ([A-Z0-9]+)'}"
            )
            return []
        }
        var captures: [Capture] = []
        for entry in entries {
            checkName(entry.key, at: entry.keyLocation)
            guard let pattern = entry.value.string("capture '\(entry.key)'", diagnostics: &diagnostics) else {
                continue
            }
            if let problem = RegexCheck.problem(in: pattern) {
                error("invalid regular expression for capture '\(entry.key)': \(problem)", at: entry.value.location)
                continue
            }
            captures.append(Capture(name: entry.key, pattern: pattern, location: entry.keyLocation))
        }
        return captures
    }

    mutating func readNotify(_ node: YAMLNode) -> NotifyAST? {
        var values: [Located<String>] = []
        switch node.content {
        case .scalar(let text, _):
            var column = node.location.column
            for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
                var loc = node.location
                loc.column = column
                values.append(Located(piece.trimmed(), at: loc))
                column += piece.count + 1
            }
        case .sequence:
            values = list(node, "notify")
        default:
            error("'notify' must be 'never' or a list of success, failure, delay", at: node.location)
            return nil
        }
        return NotifyAST(values: values, location: node.location)
    }
}
