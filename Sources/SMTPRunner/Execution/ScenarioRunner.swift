import EventLoopExecution
import Foundation
import SMTPCore
import SMTPScenario

/// Plays compiled scenarios against real servers and returns their results as data. Prints nothing.
///
/// ```swift
/// let results = await ScenarioRunner(options: RunnerOptions(dnsServer: dns)).run(compiled)
/// let summary = RunSummary(results)   // "3 passed, 1 failed"
/// ```
public struct ScenarioRunner: Sendable {
    /// How sessions are played.
    public var options: RunnerOptions

    /// Creates a runner.
    public init(options: RunnerOptions = RunnerOptions()) {
        self.options = options
    }

    /// Plays every case of `scenario`, in order, and returns one result per case actually run. A case whose
    /// `open` says `{mx: domain, each: true}` becomes one result per MX host, in preference order.
    public func run(_ scenario: CompiledScenario) async -> [ScenarioResult] {
        var results: [ScenarioResult] = []
        for plan in scenario.plans {
            results += await runCase(plan, of: scenario)
        }
        return results
    }

    /// Plays one case of `scenario` and returns its results: one, or one per MX host in preference order for
    /// `open: {mx: domain, each: true}`. The scenario's retry policy applies to each session.
    public func runCase(_ plan: SessionPlan, of scenario: CompiledScenario) async -> [ScenarioResult] {
        var results: [ScenarioResult] = []
        for (caseName, exchanger) in await expand(plan) {
            results.append(await run(plan, caseName: caseName, exchanger: exchanger, in: scenario))
        }
        return results
    }

    /// Plays one session plan (one case) and returns its result, applying the scenario's retry policy.
    public func run(_ plan: SessionPlan, of scenario: CompiledScenario) async -> ScenarioResult {
        await run(plan, caseName: plan.name, exchanger: nil, in: scenario)
    }

    /// Plays `scenario` with `options`.
    public static func run(
        _ scenario: CompiledScenario,
        options: RunnerOptions = RunnerOptions()
    ) async
        -> [ScenarioResult]
    {
        await ScenarioRunner(options: options).run(scenario)
    }

    private func run(
        _ plan: SessionPlan,
        caseName: String,
        exchanger: MXRecord?,
        in scenario: CompiledScenario
    ) async -> ScenarioResult {
        let startedAt = Date()
        let clock = ContinuousClock.now
        let maximum = max(1, scenario.retry?.attempts ?? 1)
        var attempt = 0
        var outcome: SessionOutcome
        // One loop of the run's group for the whole session: its connections use it, and so does its task.
        var sessionOptions = options
        let loop = options.eventLoopGroup.next()
        sessionOptions.eventLoopGroup = loop
        repeat {
            attempt += 1
            outcome = await EventLoopTaskExecutor.run(on: loop) {
                await SessionRunner(plan: plan, options: sessionOptions, pinnedExchanger: exchanger).play()
            }
            guard attempt < maximum, let policy = scenario.retry, shouldRetry(outcome, on: policy) else { break }
            options.logger.debug(
                "retrying after a matching reply",
                metadata: ["case": "\(plan.redact(caseName))", "attempt": "\(attempt)", "delay": "\(policy.delay)"]
            )
            try? await Task.sleep(for: policy.delay)
        } while true
        return ScenarioResult(
            file: scenario.file,
            scenarioName: scenario.name,
            caseName: caseName,
            status: outcome.status,
            steps: outcome.steps,
            transcript: outcome.transcript,
            attempts: attempt,
            startedAt: startedAt,
            duration: ContinuousClock.now - clock
        )
    }

    /// Whether a failed session's reply is one the retry policy names.
    func shouldRetry(_ outcome: SessionOutcome, on policy: RetryPolicy) -> Bool {
        guard outcome.status == .failed, let reply = outcome.failingReply else { return false }
        return policy.on.contains { $0.matches(reply) }
    }

    /// The cases of a plan: itself, or one per MX host for `open: {mx: …, each: true}`.
    private func expand(_ plan: SessionPlan) async -> [(String, MXRecord?)] {
        guard options.server == nil,
            let open = plan.steps.lazy.compactMap({ step -> OpenPlan? in
                if case .open(let openPlan) = step.action { return openPlan }
                return nil
            }).first,
            open.each,
            case .mx(let domain, _) = open.target
        else { return [(plan.name, nil)] }
        let outcome = await DNSResolver(server: options.dnsServer).mailExchangers(of: domain)
        guard case .success(let hosts) = MailExchangers.hosts(for: domain, outcome: outcome) else {
            return [(plan.name, nil)]
        }
        return hosts.map { ("\(plan.name) [MX \($0.preference) \($0.host)]", $0) }
    }
}
