/// Text in a compiled plan whose pieces remember where they came from: literal text, a secret
/// (a `password` or an `${env:…}` value) or a capture that only exists at run time.
///
/// The runner sends ``wire(captures:)``; the plan, transcripts and reports show
/// ``redacted(captures:)``, in which every secret is `******`.
public struct PlanText: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a text.
    public enum Segment: Sendable, Hashable {
        /// Text known when the scenario is compiled.
        case literal(String)
        /// A secret value, known at compile time but never shown.
        case secret(String)
        /// A variable captured from an earlier reply, resolved by the runner.
        case capture(String)
    }

    /// The pieces, in order.
    public var segments: [Segment]

    /// Creates a text from segments; empty literals are dropped.
    ///
    /// Adjacent literals stay apart: a password's pieces are each a secret (see the compiler), so a value that
    /// also appears elsewhere is hidden there too. Texts joined with `+` become one literal where they meet.
    public init(_ segments: [Segment]) {
        self.segments = segments.filter { segment in
            if case .literal(let text) = segment { return !text.isEmpty }
            return true
        }
    }

    /// A text that is one literal.
    public init(literal: String) {
        self.init([.literal(literal)])
    }

    /// Whether any piece is secret.
    public var containsSecret: Bool {
        segments.contains { if case .secret = $0 { return true } else { return false } }
    }

    /// The names of the captures this text needs, in order.
    public var captureNames: [String] {
        segments.compactMap { if case .capture(let name) = $0 { return name } else { return nil } }
    }

    /// The text as sent: secrets in clear, captures filled in (an unknown capture is empty).
    public func wire(captures: [String: String] = [:]) -> String {
        joined { segment in
            switch segment {
            case .literal(let text), .secret(let text): return text
            case .capture(let name): return captures[name] ?? ""
            }
        }
    }

    /// The text as shown: secrets are `******`; captures are filled in when known, else `${name}`.
    public func redacted(captures: [String: String]? = nil) -> String {
        joined { segment in
            switch segment {
            case .literal(let text): return text
            case .secret: return PlanText.mask
            case .capture(let name): return captures?[name] ?? "${\(name)}"
            }
        }
    }

    /// The segments' texts as `text` gives them, appended into one string (a text of one segment is that text).
    private func joined(_ text: (Segment) -> String) -> String {
        if segments.count == 1 { return text(segments[0]) }
        var joined = ""
        for segment in segments { joined += text(segment) }
        return joined
    }

    /// The redacted text, for logs and the plan.
    public var description: String { redacted() }

    /// What every secret is shown as.
    public static let mask = SecretMask.placeholder

    /// Joins texts, keeping their segments; a literal that ends one and a literal that starts the other become one,
    /// so a command built from literal pieces (a verb, an address, a parameter) is one literal, which
    /// ``wire(captures:)`` and ``redacted(captures:)`` return as it is instead of joining it for every session.
    public static func + (lhs: PlanText, rhs: PlanText) -> PlanText {
        guard case .literal(let tail)? = lhs.segments.last, case .literal(let head)? = rhs.segments.first else {
            return PlanText(lhs.segments + rhs.segments)
        }
        return PlanText(lhs.segments.dropLast() + [.literal(tail + head)] + rhs.segments.dropFirst())
    }

    /// Appends a literal.
    public static func + (lhs: PlanText, rhs: String) -> PlanText {
        lhs + PlanText(literal: rhs)
    }

    /// Prepends a literal.
    public static func + (lhs: String, rhs: PlanText) -> PlanText {
        PlanText(literal: lhs) + rhs
    }
}
