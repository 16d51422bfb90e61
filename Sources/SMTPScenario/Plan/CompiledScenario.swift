import SMTPYAML

/// A scenario file compiled: its metadata, its retry policy and one session plan per case.
public struct CompiledScenario: Sendable, Hashable {
    /// The file's path.
    public var file: String
    /// The scenario's `name` (the file name when absent).
    public var name: String
    /// The scenario's `description`.
    public var description: String?
    /// The scenario's `tags`.
    public var tags: [String]
    /// The mock persona the scenario is written for (`persona`): a built-in name, or a persona file's path
    /// made absolute from the scenario's folder. `run --mock` plays the scenario against it.
    public var persona: String?
    /// Re-run a whole session on certain replies (greylisting).
    public var retry: RetryPolicy?
    /// One plan per case (one without a matrix).
    public var cases: [SessionPlan]
    /// Warnings found while compiling (sequencing that cannot succeed, and the like).
    public var warnings: [Diagnostic]

    /// Creates a compiled scenario.
    public init(
        file: String,
        name: String,
        description: String?,
        tags: [String],
        persona: String? = nil,
        retry: RetryPolicy?,
        cases: [SessionPlan],
        warnings: [Diagnostic]
    ) {
        self.file = file
        self.name = name
        self.description = description
        self.tags = tags
        self.persona = persona
        self.retry = retry
        self.cases = cases
        self.warnings = warnings
    }
}

/// `retry: {on: 4xx, attempts: 3, delay: 30s}`: re-run the whole session when a step's reply
/// matches `on`, up to `attempts` runs in all, waiting `delay` between them.
public struct RetryPolicy: Sendable, Hashable {
    /// The replies that cause a retry.
    public var on: [ReplyPattern]
    /// How many runs in all, at least 1.
    public var attempts: Int
    /// The wait between runs.
    public var delay: Duration
    /// Where the policy is written.
    public var location: SourceLocation

    /// Creates a policy.
    public init(on: [ReplyPattern], attempts: Int, delay: Duration, location: SourceLocation) {
        self.on = on
        self.attempts = attempts
        self.delay = delay
        self.location = location
    }
}
