import SMTPCore
import SMTPYAML

/// One entry of the reasons catalogue: a step and a reply pattern, what such a reply means there, and its
/// possible reasons.
///
/// A pattern is a basic code or class, an enhanced status code pattern, a text regular expression, or any
/// mix of these; or else a transport failure. Every part given must match.
public struct ReasonEntry: Sendable, Hashable {
    /// A name for the entry, unique in its file; a team entry with a bundled entry's id replaces it.
    public var id: String?
    /// The steps the entry applies at; `[.any]` for every step.
    public var steps: [DiagnosisStep]
    /// Basic reply codes or classes, any of which matches; empty when the pattern does not look at the code.
    public var codes: [ReplyCodePattern]
    /// Enhanced status code patterns, any of which matches; empty when the pattern does not look at one.
    public var enhanced: [EnhancedCodePattern]
    /// A regular expression the reply text must match, if any.
    public var text: ReplyTextPattern?
    /// Transport failures, any of which matches; non-empty only for a transport-failure entry.
    public var failures: [TransportFailureKind]
    /// What the reply means at this step, if the entry says.
    public var meaning: String?
    /// The possible reasons, most likely first.
    public var reasons: [String]
    /// What to check or do next, if the entry says.
    public var hint: String?
    /// Where the knowledge comes from (an RFC section, the seed, a server's documentation).
    public var source: String?
    /// Where the entry is written.
    public var location: SourceLocation?
    /// Which catalogue the entry comes from.
    public var origin: CatalogueOrigin

    /// Creates an entry.
    public init(
        id: String? = nil,
        steps: [DiagnosisStep] = [.any],
        codes: [ReplyCodePattern] = [],
        enhanced: [EnhancedCodePattern] = [],
        text: ReplyTextPattern? = nil,
        failures: [TransportFailureKind] = [],
        meaning: String? = nil,
        reasons: [String],
        hint: String? = nil,
        source: String? = nil,
        location: SourceLocation? = nil,
        origin: CatalogueOrigin = .bundled
    ) {
        self.id = id
        self.steps = steps
        self.codes = codes
        self.enhanced = enhanced
        self.text = text
        self.failures = failures
        self.meaning = meaning
        self.reasons = reasons
        self.hint = hint
        self.source = source
        self.location = location
        self.origin = origin
    }

    /// The entry's pattern written out, for lists of matched entries: `rcpt 550 5.1.1 /User unknown/`.
    public var patternDescription: String {
        var parts: [String] = [steps.map(\.keyword).joined(separator: "|")]
        if !failures.isEmpty { parts.append(failures.map(\.keyword).joined(separator: "|")) }
        if !codes.isEmpty { parts.append(codes.map(\.description).joined(separator: "|")) }
        if !enhanced.isEmpty { parts.append(enhanced.map(\.description).joined(separator: "|")) }
        if let text { parts.append(text.description) }
        return parts.joined(separator: " ")
    }

    /// Whether two entries have the same pattern (steps, codes, enhanced codes, text and failures), ignoring order.
    func hasSamePattern(as other: ReasonEntry) -> Bool {
        Set(steps) == Set(other.steps) && Set(codes) == Set(other.codes) && Set(enhanced) == Set(other.enhanced)
            && text == other.text && Set(failures) == Set(other.failures)
    }
}
