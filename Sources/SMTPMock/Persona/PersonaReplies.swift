/// The reply texts of a persona: the default for each ``PersonaReplyName``, unless reworded.
public struct PersonaReplies: Sendable, Hashable {
    /// The replies the persona rewords.
    public var overrides: [PersonaReplyName: ReplyTemplate]

    /// Creates a set of replies with the given rewordings.
    public init(_ overrides: [PersonaReplyName: ReplyTemplate] = [:]) {
        self.overrides = overrides
    }

    /// The template used for `name`.
    public subscript(name: PersonaReplyName) -> ReplyTemplate {
        get { overrides[name] ?? name.defaultTemplate }
        set { overrides[name] = newValue }
    }
}
