import SMTPYAML

extension PersonaReader {
    static let ruleKeys = ["when", "reply", "disconnect", "delay"]
    static let conditionKeys = ["command", "argument", "attempt", "after-tls"]
    static let pseudoCommands = ["CONNECT", "MESSAGE", "*"]
    static let verbs = [
        "EHLO", "HELO", "LHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "HELP", "QUIT", "VRFY", "EXPN",
        "STARTTLS", "AUTH",
    ]

    static func readRules(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> [PersonaRule] {
        guard let items = node.items else {
            diagnostics.append(
                Diagnostic(message: "'rules' must be a list, not \(node.kindDescription)", location: node.location)
            )
            return []
        }
        return items.compactMap { readRule($0, diagnostics: &diagnostics) }
    }

    private static func readRule(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> PersonaRule? {
        guard let map = MappingReader(node, what: "a rule", allowedKeys: ruleKeys, diagnostics: &diagnostics),
            let whenNode = map.required("when", what: "a rule", diagnostics: &diagnostics),
            let condition = readCondition(whenNode, diagnostics: &diagnostics)
        else { return nil }
        var action = RuleAction()
        if let replyNode = map["reply"] {
            action.reply = template(replyNode, "'reply'", diagnostics: &diagnostics)
        }
        if let value = map["disconnect"]?.boolean("'disconnect'", diagnostics: &diagnostics) {
            action.disconnect = value
        }
        if let delayNode = map["delay"] {
            action.delay = duration(delayNode, diagnostics: &diagnostics)
        }
        if map["reply"] == nil, map["disconnect"] == nil, map["delay"] == nil {
            diagnostics.append(
                Diagnostic(
                    message: "a rule needs 'reply', 'disconnect' or 'delay'",
                    location: node.location,
                    note: "say what the server does when the rule applies"
                )
            )
            return nil
        }
        return PersonaRule(when: condition, then: action)
    }

    private static func readCondition(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> RuleCondition? {
        guard let map = MappingReader(node, what: "'when'", allowedKeys: conditionKeys, diagnostics: &diagnostics),
            let commandNode = map.required("command", what: "'when'", diagnostics: &diagnostics),
            let command = commandNode.string("'command'", diagnostics: &diagnostics)
        else { return nil }
        let known = verbs + pseudoCommands
        guard known.contains(command.uppercased()) else {
            let guess = Suggestion.closest(to: command.uppercased(), among: known).map { "did you mean '\($0)'?" }
            diagnostics.append(
                Diagnostic(
                    message: "unknown command '\(command)' in a rule",
                    location: commandNode.location,
                    note: guess ?? "known: \(known.joined(separator: ", "))",
                    span: command.count
                )
            )
            return nil
        }
        var condition = RuleCondition(command: command)
        if let argumentNode = map["argument"],
            let pattern = argumentNode.string("'argument'", diagnostics: &diagnostics)
        {
            do {
                _ = try Regex(pattern)
                condition.argument = pattern
            } catch {
                diagnostics.append(
                    Diagnostic(
                        message: "'argument' is not a valid regular expression",
                        location: argumentNode.location,
                        note: "\(error)"
                    )
                )
            }
        }
        if let value = map["attempt"]?.integer("'attempt'", in: 1...1_000_000, diagnostics: &diagnostics) {
            condition.attempt = value
        }
        if let value = map["after-tls"]?.boolean("'after-tls'", diagnostics: &diagnostics) {
            condition.afterTLS = value
        }
        return condition
    }

    /// Reads `250ms`, `2s`, `1.5s`, `1m` or a bare number of seconds.
    static func duration(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> Duration? {
        guard let text = node.string("'delay'", diagnostics: &diagnostics) else { return nil }
        let trimmed = text.trimmingSpaces
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        var number = trimmed
        var scale = 1.0
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            number = String(trimmed.dropLast(suffix.count))
            scale = factor
            break
        }
        guard let value = Double(number), value >= 0, value * scale <= 3600 else {
            diagnostics.append(
                Diagnostic(
                    message: "'delay' must be a duration such as 500ms, 2s or 1m (at most an hour), not '\(text)'",
                    location: node.location
                )
            )
            return nil
        }
        return .milliseconds(Int64((value * scale * 1000).rounded()))
    }

    static func readReplies(_ node: YAMLNode, into replies: inout PersonaReplies, diagnostics: inout [Diagnostic]) {
        let names = PersonaReplyName.allCases.map(\.rawValue)
        guard let map = MappingReader(node, what: "'replies'", allowedKeys: names, diagnostics: &diagnostics) else {
            return
        }
        for (key, entry) in map.values {
            guard let name = PersonaReplyName(rawValue: key),
                let value = template(entry.value, "reply '\(key)'", diagnostics: &diagnostics)
            else { continue }
            replies[name] = value
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var view = self[...]
        while view.first == " " { view = view.dropFirst() }
        while view.last == " " { view = view.dropLast() }
        return String(view)
    }
}
