import SMTPCore

extension MockSession {
    /// What the persona's rules make of a command.
    enum RuleOutcome: Sendable, Hashable {
        /// Handle the command as usual; a positive reply, when given, replaces the usual one.
        case proceed(Reply?)
        /// Answer with this reply and change nothing; close afterwards when `close`.
        case refused(Reply, close: Bool)
        /// Close the connection without a reply.
        case disconnected
    }

    /// Counts the command against every rule it matches and returns what the first applicable rule
    /// says; its delay, if any, is appended to `actions` first.
    mutating func applyRules(command: String, argument: String, actions: inout [SessionAction]) -> RuleOutcome {
        var chosen: RuleAction?
        for (index, rule) in persona.rules.enumerated() {
            let condition = rule.condition
            guard condition.command == command || condition.command == "*" && !Self.pseudo.contains(command),
                condition.afterTLS == nil || condition.afterTLS == tlsActive,
                condition.matches(argument: argument)
            else { continue }
            let count = (ruleMatches[index] ?? 0) + 1
            ruleMatches[index] = count
            if chosen == nil, condition.attempt == nil || condition.attempt == count {
                chosen = rule.action
            }
        }
        guard let action = chosen else { return .proceed(nil) }
        if let delay = action.delay { actions.append(.delay(delay)) }
        let reply = action.reply.map { render($0, ReplyValues(argument: argument)) }
        switch (reply, action.disconnect) {
        case (nil, true):
            return .disconnected
        case (let reply?, true):
            return .refused(reply, close: true)
        case (let reply?, false) where reply.replyClass.isFailure:
            return .refused(reply, close: false)
        default:
            return .proceed(reply)
        }
    }

    private static let pseudo: Set<String> = ["CONNECT", "MESSAGE"]
}
