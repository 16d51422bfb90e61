/// A catalogue entry that matched a reply, and how specifically.
public struct DiagnosisMatch: Sendable, Hashable {
    /// The entry.
    public var entry: ReasonEntry
    /// How specifically it matched.
    public var specificity: MatchSpecificity

    /// Creates a match.
    public init(entry: ReasonEntry, specificity: MatchSpecificity) {
        self.entry = entry
        self.specificity = specificity
    }
}
