/// How the console reporter writes: with or without colours, and how much.
public struct ConsoleStyle: Sendable, Hashable {
    /// How much the console shows.
    public enum Verbosity: String, Sendable, Hashable, CaseIterable {
        /// Only failures (heading, expected and got) and the closing line.
        case quiet
        /// A line per case, and the full failure report for each failure.
        case normal
        /// As normal, plus every case's whole transcript.
        case verbose
    }

    /// Whether to use ANSI colours. The caller decides: on a TTY, and never with `NO_COLOR` set or
    /// `--no-color`.
    public var color: Bool
    /// How much to show.
    public var verbosity: Verbosity

    /// Creates a style.
    public init(color: Bool = false, verbosity: Verbosity = .normal) {
        self.color = color
        self.verbosity = verbosity
    }

    /// Whether colours are appropriate: standard output is a terminal and `NO_COLOR` is not set (to anything).
    public static func colorAllowed(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && environment["NO_COLOR"] == nil
    }
}
