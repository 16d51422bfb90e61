import Foundation
import SMTPRunner
import SMTPScenario
import Testing

/// Compiles small YAML scenarios with the real compiler and plays them with the runner, for the runner's
/// integration tests against the real peers.
enum RunnerHarness {
    /// A scenario compilation failed; the rendered diagnostics say why.
    struct CompileFailure: Error, CustomStringConvertible {
        /// The rendered diagnostics.
        let description: String
    }

    /// Compiles `yaml` (as if it were the file `name`) with `vars` as `--var` overrides.
    static func compile(
        _ yaml: String,
        vars: [String: String] = [:],
        name: String = "runner-test.smtp.yaml"
    ) throws -> CompiledScenario {
        let options = CompileOptions(overrides: vars.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let result = ScenarioCompiler(options: options).compile(SourceFile(path: name, text: yaml))
        guard let scenario = result.scenario else { throw CompileFailure(description: result.rendered()) }
        return scenario
    }

    /// Compiles and runs `yaml`; returns the one result it must produce.
    static func runOne(
        _ yaml: String,
        vars: [String: String] = [:],
        options: RunnerOptions = RunnerOptions()
    ) async throws -> ScenarioResult {
        let results = await ScenarioRunner(options: options).run(try compile(yaml, vars: vars))
        try #require(results.count == 1, "expected one case, got \(results.count)")
        return results[0]
    }

    /// `host:port` of a peer as a scenario writes it (`[::1]:2525` for IPv6).
    static func address(_ peer: (String, Int)) -> String {
        Endpoint(host: peer.0, port: peer.1).description
    }

    /// The transcript as `S:`/`C:` lines, for failure messages.
    static func transcript(_ result: ScenarioResult) -> String {
        result.transcript.map(\.description).joined(separator: "\n")
    }

    /// The step of `result` with this verb at this index among the top-level steps.
    static func step(_ result: ScenarioResult, _ index: Int) throws -> StepResult {
        try #require(result.steps.first { $0.index == index }, "no result for step \(index)")
    }
}
