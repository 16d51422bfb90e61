import SMTPRunner

/// One mismatch of a failed step, explained: what it is in words, what was expected and observed, and what the
/// catalogue says it means and why it may happen.
public struct ExplainedMismatch: Sendable, Hashable {
    /// The mismatch as the runner recorded it.
    public var mismatch: Mismatch
    /// Its kind, as the catalogue keys it.
    public var kind: MismatchKind
    /// The mismatch in one sentence: `capability SMTPUTF8 is not advertised`.
    public var summary: String
    /// What the step asked for, for this mismatch (`SIZE >= 99999999999`), when it says.
    public var expected: String?
    /// What was observed (`SIZE 37748736`), when something was.
    public var observed: String?
    /// What it means.
    public var meaning: String
    /// The possible reasons, most specific first.
    public var reasons: [String]
    /// What to check next.
    public var hints: [String]

    /// Creates an explained mismatch.
    public init(
        mismatch: Mismatch,
        kind: MismatchKind,
        summary: String,
        expected: String? = nil,
        observed: String? = nil,
        meaning: String,
        reasons: [String],
        hints: [String] = []
    ) {
        self.mismatch = mismatch
        self.kind = kind
        self.summary = summary
        self.expected = expected
        self.observed = observed
        self.meaning = meaning
        self.reasons = reasons
        self.hints = hints
    }

    /// Whether the `got` line already says it all (a wrong reply, a transport failure, a refusal), so a report
    /// does not list it again as a `mismatch` line.
    public var isShownByGot: Bool {
        switch mismatch {
        case .reply, .transport, .refused, .unexpectedConnection: true
        default: mismatch.arrivalExpected != nil || mismatch.arrivalObserved != nil
        }
    }
}
