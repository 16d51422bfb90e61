import SMTPYAML

/// A scenario file compiled: its metadata, its retry policy and its cases, checked. The cases' session plans are
/// made when they are asked for (``plans``), one at a time: a matrix of 100,000 cases is not held in memory.
public struct CompiledScenario: Sendable {
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
    /// How the cases' plans are made.
    public var plans: CasePlans
    /// Every secret value any case uses (passwords, `${env:…}` values), for masking whatever the run shows.
    public var secrets: [String]
    /// Identifies the file and its cases (path and case names, in order): see ``Fingerprint``.
    public var fingerprint: String
    /// Warnings found while compiling (sequencing that cannot succeed, and the like).
    public var warnings: [Diagnostic]
    /// The servers of the `capture:` map, which the run starts before the first case and stops after the last.
    public var captureServers: [CaptureServerPlan] = []
    /// Where the first await step that reads the `run --mock` server (`at: mock`) is written, if any: such a
    /// scenario can only run with `--mock`.
    public var mockSourceLocation: SourceLocation?

    /// Creates a compiled scenario.
    public init(
        file: String,
        name: String,
        description: String?,
        tags: [String],
        persona: String? = nil,
        retry: RetryPolicy?,
        plans: CasePlans,
        secrets: [String],
        fingerprint: String,
        warnings: [Diagnostic]
    ) {
        self.file = file
        self.name = name
        self.description = description
        self.tags = tags
        self.persona = persona
        self.retry = retry
        self.plans = plans
        self.secrets = secrets
        self.fingerprint = fingerprint
        self.warnings = warnings
    }

    /// Creates a compiled scenario from plans already made (tests, tools).
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
        var fingerprint = Fingerprint()
        fingerprint.add(file)
        for plan in cases { fingerprint.add(plan.name) }
        self.init(
            file: file,
            name: name,
            description: description,
            tags: tags,
            persona: persona,
            retry: retry,
            plans: .made(cases),
            secrets: Array(Set(cases.flatMap(\.secrets))),
            fingerprint: fingerprint.hex,
            warnings: warnings
        )
    }

    /// How many cases the scenario has.
    public var caseCount: Int { plans.count }

    /// Every case's plan, made now: for a small scenario (`plan`, tests). A run iterates ``plans`` instead.
    public var cases: [SessionPlan] { Array(plans) }
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
