import ArgumentParser
import SMTPScenario

/// `smtpspec plan PATH`: print the compiled session plan.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print each case's compiled steps: the exact lines sent, the expectation and the timeout."
    )

    @Argument(help: "A scenario file.")
    var path: String

    @OptionGroup var scenario: ScenarioOptions

    func run() async throws {
        let result = ScenarioCompiler(options: scenario.compileOptions).compile(path: path)
        if !result.diagnostics.isEmpty { Console.err(result.rendered() + "\n") }
        guard let compiled = result.scenario else { throw ExitStatus.invalidInput }
        Console.write(PlanRenderer.render(compiled))
        throw ExitStatus.success
    }
}
