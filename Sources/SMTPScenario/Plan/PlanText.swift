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

    /// Creates a text from segments; adjacent literals become one, and empty literals are dropped.
    ///
    /// So a command built from literal pieces (a verb, an address, a parameter) is one literal, which
    /// ``wire(captures:)`` and ``redacted(captures:)`` return as it is instead of joining it for every session.
    public init(_ segments: [Segment]) {
        var merged: [Segment] = []
        merged.reserveCapacity(segments.count)
        for segment in segments {
            guard case .literal(let text) = segment else {
                merged.append(segment)
                continue
            }
            if text.isEmpty { continue }
            if case .literal(let previous)? = merged.last {
                merged[merged.count - 1] = .literal(previous + text)
            } else {
                merged.append(segment)
            }
        }
        self.segments = merged
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

    /// Joins texts, keeping their segments.
    public static func + (lhs: PlanText, rhs: PlanText) -> PlanText {
        PlanText(lhs.segments + rhs.segments)
    }

    /// Appends a literal.
    public static func + (lhs: PlanText, rhs: String) -> PlanText {
        PlanText(lhs.segments + [.literal(rhs)])
    }

    /// Prepends a literal.
    public static func + (lhs: String, rhs: PlanText) -> PlanText {
        PlanText([.literal(lhs)] + rhs.segments)
    }
}
