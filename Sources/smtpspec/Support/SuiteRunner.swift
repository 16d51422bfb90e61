import SMTPRunner
import SMTPScenario

/// Plays a suite: up to `jobs` scenario files at once, each file's cases in order, reporting each
/// file's results as soon as it finishes; with `failFast`, starts nothing new after a failure.
struct SuiteRunner: Sendable {
    var scenarios: [CompiledScenario]
    var options: RunnerOptions
    var jobs: Int
    var failFast: Bool

    /// Plays every scenario and returns the results in file order.
    func run(onResult: @escaping @Sendable (ScenarioResult) -> Void) async throws -> [ScenarioResult] {
        let runner = ScenarioRunner(options: options)
        var byIndex: [Int: [ScenarioResult]] = [:]
        var next = 0
        var stop = false
        await withTaskGroup(of: (Int, [ScenarioResult]).self) { group in
            func startNext() {
                guard next < scenarios.count, !stop else { return }
                let index = next
                let scenario = scenarios[index]
                next += 1
                group.addTask { (index, await runner.run(scenario)) }
            }
            for _ in 0..<min(jobs, scenarios.count) { startNext() }
            while let (index, results) = await group.next() {
                byIndex[index] = results
                results.forEach(onResult)
                if failFast, results.contains(where: { $0.status != .passed }) { stop = true }
                startNext()
            }
        }
        return scenarios.indices.flatMap { byIndex[$0] ?? [] }
    }
}
