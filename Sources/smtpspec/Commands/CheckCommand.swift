import ArgumentParser
import SMTPMock
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
            // The compiler knows the built-in names and that a persona file exists; what is in the file is the
            // mock's to read.
            var personaErrors = 0
            if let persona = result.scenario?.persona,
                case .failure(let problems) = Persona.resolveReportingAll(persona)
            {
                Console.err(problems.rendered() + "\n")
                personaErrors = problems.diagnostics.count
            }
            let errors = result.errors.count + personaErrors
            if result.scenario == nil || personaErrors > 0 {
                failed = true
                Console.out("invalid  \(file)  (\(errors) error\(errors == 1 ? "" : "s"))")
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
