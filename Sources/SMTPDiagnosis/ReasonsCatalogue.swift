import SMTPRunner

/// The reasons catalogue: the meaning of every reply code, enhanced status code and transport failure, and the
/// entries that give the possible reasons for a reply at a step.
///
/// The data lives in YAML: the bundled `reasons.yaml` (``bundled()``), optionally merged with a team's file
/// (``load(reasonsFile:)``), whose entries win. Look a reply up with
/// ``explain(step:code:enhanced:text:)`` or a failed connection with ``explain(step:transportFailure:)``.
public struct ReasonsCatalogue: Sendable {
    /// Meanings of the first digit of a reply code, by digit.
    public var replyClasses: [Int: CatalogueTerm]
    /// Meanings of the second digit of a reply code, by digit.
    public var replyCategories: [Int: CatalogueTerm]
    /// Basic reply codes, by code.
    public var replyCodes: [Int: ReplyCodeInfo]
    /// Enhanced status code classes, by class.
    public var enhancedClasses: [Int: CatalogueTerm]
    /// Enhanced status code subjects, by subject.
    public var enhancedSubjects: [Int: CatalogueTerm]
    /// Enhanced status codes, keyed as written: `X.1.1` for any class, `5.6.11` for one class.
    public var enhancedDetails: [String: EnhancedDetailInfo]
    /// Transport failures.
    public var transportFailures: [TransportFailureKind: TransportFailureInfo]
    /// What each kind of mismatch means and its possible reasons.
    public var mismatches: [MismatchKind: MismatchInfo]
    /// The reason entries, team entries first, each file in its own order.
    public var entries: [ReasonEntry]

    /// Creates a catalogue from its tables and entries.
    public init(
        replyClasses: [Int: CatalogueTerm] = [:],
        replyCategories: [Int: CatalogueTerm] = [:],
        replyCodes: [Int: ReplyCodeInfo] = [:],
        enhancedClasses: [Int: CatalogueTerm] = [:],
        enhancedSubjects: [Int: CatalogueTerm] = [:],
        enhancedDetails: [String: EnhancedDetailInfo] = [:],
        transportFailures: [TransportFailureKind: TransportFailureInfo] = [:],
        mismatches: [MismatchKind: MismatchInfo] = [:],
        entries: [ReasonEntry] = []
    ) {
        self.replyClasses = replyClasses
        self.replyCategories = replyCategories
        self.replyCodes = replyCodes
        self.enhancedClasses = enhancedClasses
        self.enhancedSubjects = enhancedSubjects
        self.enhancedDetails = enhancedDetails
        self.transportFailures = transportFailures
        self.mismatches = mismatches
        self.entries = entries
    }

    /// This catalogue with a team's catalogue laid over it: the team's table rows replace rows with the same
    /// key, the team's entries come first, and a bundled entry with the same id or the same pattern as a team
    /// entry is dropped.
    public func merging(_ team: ReasonsCatalogue) -> ReasonsCatalogue {
        var merged = self
        merged.replyClasses.merge(team.replyClasses) { _, new in new }
        merged.replyCategories.merge(team.replyCategories) { _, new in new }
        merged.replyCodes.merge(team.replyCodes) { _, new in new }
        merged.enhancedClasses.merge(team.enhancedClasses) { _, new in new }
        merged.enhancedSubjects.merge(team.enhancedSubjects) { _, new in new }
        merged.enhancedDetails.merge(team.enhancedDetails) { _, new in new }
        merged.transportFailures.merge(team.transportFailures) { _, new in new }
        merged.mismatches.merge(team.mismatches) { _, new in new }
        let teamIDs = Set(team.entries.compactMap(\.id))
        let kept = entries.filter { entry in
            if let id = entry.id, teamIDs.contains(id) { return false }
            return !team.entries.contains { $0.hasSamePattern(as: entry) }
        }
        merged.entries = team.entries + kept
        return merged
    }
}
