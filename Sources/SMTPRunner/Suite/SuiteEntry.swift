import SMTPScenario

/// One scenario of a suite and how its sessions are played (its own server, for a mock persona of its own).
public struct SuiteEntry: Sendable {
    /// The compiled scenario.
    public var scenario: CompiledScenario
    /// How its sessions are played.
    public var options: RunnerOptions

    /// Creates an entry.
    public init(scenario: CompiledScenario, options: RunnerOptions) {
        self.scenario = scenario
        self.options = options
    }
}
