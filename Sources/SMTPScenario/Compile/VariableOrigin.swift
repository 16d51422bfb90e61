/// Where a variable's value came from, strongest first in precedence.
public enum VariableOrigin: String, Sendable, Hashable {
    /// `--var` on the command line.
    case commandLine = "--var"
    /// The scenario's `matrix`.
    case matrix
    /// The environment file.
    case environment = "the environment file"
    /// The scenario's `vars`.
    case scenario = "the scenario's vars"

    /// Words for messages: "from --var".
    public var phrase: String {
        switch self {
        case .commandLine: return "from --var"
        case .matrix: return "from the matrix"
        case .environment: return "from the environment file"
        case .scenario: return "from the scenario's vars"
        }
    }
}

/// One variable as the compiler sees it: its raw value, where it was written and where it came from.
struct VariableDefinition: Sendable {
    var raw: Located<String>
    var origin: VariableOrigin
    /// `--var` values are taken literally: they are never interpolated again.
    var isLiteral: Bool
}
