/// When a ``PersonaRule`` applies.
public struct RuleCondition: Sendable, Hashable {
    /// The command verb, upper case (`MAIL`, `RCPT`, …), `CONNECT` for the greeting, `MESSAGE`
    /// for the reply after the message's last octet, or `*` for any command.
    public var command: String
    /// A regular expression searched for in the command's argument (the text after the verb),
    /// case-insensitively; `nil` matches any argument. For `MESSAGE` it is searched in the message.
    public var argument: String? {
        didSet { pattern = RulePattern(argument) }
    }
    /// Applies only to the N-th matching command of the session (1-based); `nil` for every one.
    public var attempt: Int?
    /// Applies only when TLS is (`true`) or is not (`false`) active; `nil` for both.
    public var afterTLS: Bool?
    /// ``argument`` compiled, once: a rule is checked against every command it names, in every session.
    private var pattern: RulePattern?

    /// Creates a condition.
    public init(command: String, argument: String? = nil, attempt: Int? = nil, afterTLS: Bool? = nil) {
        self.command = command.uppercased()
        self.argument = argument
        self.attempt = attempt
        self.afterTLS = afterTLS
        self.pattern = RulePattern(argument)
    }

    /// Whether `argument` matches the pattern (always true without one; false for a pattern that
    /// is not a valid regular expression, which the persona reader refuses anyway).
    public func matches(argument text: String) -> Bool {
        guard argument != nil else { return true }
        return pattern?.matches(text) ?? false
    }

    public static func == (lhs: RuleCondition, rhs: RuleCondition) -> Bool {
        lhs.command == rhs.command && lhs.argument == rhs.argument && lhs.attempt == rhs.attempt
            && lhs.afterTLS == rhs.afterTLS
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(command)
        hasher.combine(argument)
        hasher.combine(attempt)
        hasher.combine(afterTLS)
    }
}

/// A rule's regular expression, compiled once (case-insensitive).
///
/// `Regex<AnyRegexOutput>` is not `Sendable` because its output type holds `Any`; this box only ever asks
/// whether the expression matches, never reads an output, and never changes after it is made, so sharing it
/// between sessions on different threads is safe.
final class RulePattern: @unchecked Sendable {
    private let regex: Regex<AnyRegexOutput>

    /// The compiled expression, or `nil` without one or for one that does not compile.
    init?(_ source: String?) {
        guard let source, let regex = try? Regex(source).ignoresCase() else { return nil }
        self.regex = regex
    }

    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}
