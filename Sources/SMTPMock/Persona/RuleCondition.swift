/// When a ``PersonaRule`` applies.
public struct RuleCondition: Sendable, Hashable {
    /// The command verb, upper case (`MAIL`, `RCPT`, …), `CONNECT` for the greeting, `MESSAGE`
    /// for the reply after the message's last octet, or `*` for any command.
    public var command: String
    /// A regular expression searched for in the command's argument (the text after the verb),
    /// case-insensitively; `nil` matches any argument. For `MESSAGE` it is searched in the message.
    public var argument: String?
    /// Applies only to the N-th matching command of the session (1-based); `nil` for every one.
    public var attempt: Int?
    /// Applies only when TLS is (`true`) or is not (`false`) active; `nil` for both.
    public var afterTLS: Bool?

    /// Creates a condition.
    public init(command: String, argument: String? = nil, attempt: Int? = nil, afterTLS: Bool? = nil) {
        self.command = command.uppercased()
        self.argument = argument
        self.attempt = attempt
        self.afterTLS = afterTLS
    }

    /// Whether `argument` matches the pattern (always true without one; false for a pattern that
    /// is not a valid regular expression, which the persona reader refuses anyway).
    public func matches(argument text: String) -> Bool {
        guard let argument else { return true }
        guard let regex = try? Regex(argument).ignoresCase() else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
