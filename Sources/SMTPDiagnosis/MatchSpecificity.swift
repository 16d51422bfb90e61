/// How specifically a catalogue entry matched a reply: lookups list the most specific entries first.
///
/// The order is the catalogue's contract: step + enhanced code or text, then enhanced code or text at any step,
/// then step + code, then code, then class. An enhanced code or a text says more about a reply than the step
/// does, so `5.7.26 … DMARC` at any step comes before a generic `550` at end of data.
public struct MatchSpecificity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The coarse order of matches.
    public enum Level: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// Only the reply class matched (`5xx` at any step): used only when nothing more specific does.
        case replyClass = 0
        /// A code or a transport failure matched, at any step.
        case code = 1
        /// The step matched, with a code, a class or a transport failure.
        case stepAndCode = 2
        /// An enhanced code or a text matched, at any step.
        case detail = 3
        /// The step matched, with an enhanced code or a text.
        case stepAndDetail = 4

        /// Orders levels from least to most specific.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        /// A word for the level, for lists of matches.
        public var label: String {
            switch self {
            case .replyClass: return "class"
            case .code: return "code"
            case .stepAndCode: return "step + code"
            case .detail: return "enhanced code/text"
            case .stepAndDetail: return "step + enhanced code/text"
            }
        }
    }

    /// The coarse level.
    public var level: Level
    /// A finer score within the level: an enhanced code (the more precise, the more), a text and an exact code
    /// each add to it.
    public var score: Int

    /// Creates a specificity.
    public init(level: Level, score: Int) {
        self.level = level
        self.score = score
    }

    /// Orders by level, then score.
    public static func < (lhs: MatchSpecificity, rhs: MatchSpecificity) -> Bool {
        (lhs.level, lhs.score) < (rhs.level, rhs.score)
    }

    /// The level's label.
    public var description: String { level.label }
}
