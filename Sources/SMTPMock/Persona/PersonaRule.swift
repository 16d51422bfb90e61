/// A rule of a persona: when a command matches ``condition``, answer with ``action`` instead of
/// (or before) the usual reply.
public struct PersonaRule: Sendable, Hashable {
    /// When the rule applies.
    public var condition: RuleCondition
    /// What the server does then.
    public var action: RuleAction

    /// Creates a rule.
    public init(when condition: RuleCondition, then action: RuleAction) {
        self.condition = condition
        self.action = action
    }
}
