import SMTPYAML

/// A scenario file as written: every key and value with its location, strings not yet
/// interpolated. ``ScenarioReader`` builds it; ``ScenarioCompiler`` turns it into plans.
public struct ScenarioAST: Sendable, Hashable {
    /// The file's path.
    public var file: String
    /// `name`.
    public var name: Located<String>?
    /// `description`.
    public var description: Located<String>?
    /// `tags`.
    public var tags: [Located<String>]
    /// `persona`: the mock persona the scenario is written for.
    public var persona: Located<String>?
    /// `vars`, in file order.
    public var vars: [VariableAST]
    /// `matrix`, in file order.
    public var matrix: [MatrixAxisAST]
    /// `timeout`: the default per step.
    public var timeout: Located<Duration>?
    /// `retry`.
    public var retry: RetryAST?
    /// `capture`: servers smtpspec runs while the cases run, in file order.
    public var captureServers: [CaptureServerAST] = []
    /// `steps`.
    public var steps: [StepAST]
    /// Where `steps` is written (for errors about the list as a whole).
    public var stepsLocation: SourceLocation

    /// Creates a scenario AST.
    public init(
        file: String,
        name: Located<String>? = nil,
        description: Located<String>? = nil,
        tags: [Located<String>] = [],
        persona: Located<String>? = nil,
        vars: [VariableAST] = [],
        matrix: [MatrixAxisAST] = [],
        timeout: Located<Duration>? = nil,
        retry: RetryAST? = nil,
        steps: [StepAST] = [],
        stepsLocation: SourceLocation
    ) {
        self.file = file
        self.name = name
        self.description = description
        self.tags = tags
        self.persona = persona
        self.vars = vars
        self.matrix = matrix
        self.timeout = timeout
        self.retry = retry
        self.steps = steps
        self.stepsLocation = stepsLocation
    }
}

/// One `name: value` of `vars` (or of an environment file).
public struct VariableAST: Sendable, Hashable {
    /// The variable name and where it is written.
    public var name: Located<String>
    /// The raw value (may reference other variables and the environment).
    public var value: Located<String>

    /// Creates a variable.
    public init(name: Located<String>, value: Located<String>) {
        self.name = name
        self.value = value
    }
}

/// One variable of `matrix` and its values.
public struct MatrixAxisAST: Sendable, Hashable {
    /// The variable name.
    public var name: Located<String>
    /// Its values, one case each.
    public var values: [Located<String>]

    /// Creates an axis.
    public init(name: Located<String>, values: [Located<String>]) {
        self.name = name
        self.values = values
    }
}

/// `retry: {on, attempts, delay}`.
public struct RetryAST: Sendable, Hashable {
    /// `on`: the expectation strings that trigger a retry (default `4xx`).
    public var on: [Located<String>]
    /// `attempts` (default 3).
    public var attempts: Int
    /// `delay` (default 30s).
    public var delay: Duration
    /// Where `retry` is written.
    public var location: SourceLocation

    /// Creates a retry AST.
    public init(on: [Located<String>], attempts: Int, delay: Duration, location: SourceLocation) {
        self.on = on
        self.attempts = attempts
        self.delay = delay
        self.location = location
    }
}
