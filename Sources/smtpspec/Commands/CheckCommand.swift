import ArgumentParser
import SMTPScenario

/// `smtpspec check PATH...`: parse and compile only; no network.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and compile scenarios without sending anything; report every error and sequencing warning."
    )

    @Argument(help: "Scenario files, or directories holding *.smtp.yaml files.")
    var paths: [String]

    @OptionGroup var scenario: ScenarioOptions

    func run() async throws {
        let (files, missing) = ScenarioFiles.find(paths)
        for diagnostic in missing { Console.err(diagnostic.rendered(source: nil)) }
        let compiler = ScenarioCompiler(options: scenario.compileOptions)
        var failed = !missing.isEmpty
        for file in files {
            let result = compiler.compile(path: file)
            if !result.diagnostics.isEmpty { Console.err(result.rendered() + "\n") }
            if result.scenario == nil {
                failed = true
                Console.out("invalid  \(file)  (\(result.errors.count) error\(result.errors.count == 1 ? "" : "s"))")
            } else {
                let warnings = result.warnings.count
                Console.out(
                    "ok       \(file)" + (warnings > 0 ? "  (\(warnings) warning\(warnings == 1 ? "" : "s"))" : "")
                )
            }
        }
        throw failed ? ExitStatus.invalidInput : ExitStatus.success
    }
}
