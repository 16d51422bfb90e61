import SMTPRunner
import SMTPYAML

/// What one kind of mismatch means and its possible reasons, from the catalogue's `mismatches:` section (data,
/// not code: a team's `--reasons` file can replace any row).
public struct MismatchInfo: Sendable, Hashable {
    /// The kind of mismatch.
    public var kind: MismatchKind
    /// What it means, in a sentence.
    public var meaning: String
    /// The possible reasons, most likely first.
    public var reasons: [String]
    /// What to check next, if the row says.
    public var hint: String?
    /// Where the knowledge comes from.
    public var source: String?
    /// Where the row is written.
    public var location: SourceLocation?

    /// Creates a row.
    public init(
        kind: MismatchKind,
        meaning: String,
        reasons: [String],
        hint: String? = nil,
        source: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.kind = kind
        self.meaning = meaning
        self.reasons = reasons
        self.hint = hint
        self.source = source
        self.location = location
    }
}

extension MismatchInfo {
    /// The row as plain text for a terminal: the kind, what it means, the possible reasons, what to check and
    /// where the knowledge comes from.
    public func renderedText() -> String {
        var out = ["mismatch    \(kind.keyword)", "meaning     \(meaning)", "possible reasons"]
        out += reasons.map { "  - \($0)" }
        if let hint { out += ["what to check", "  - \(hint)"] }
        if let source { out.append("source      \(source)") }
        return out.joined(separator: "\n") + "\n"
    }
}
