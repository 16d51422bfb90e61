import ArgumentParser
import SMTPMock
import SMTPScenario

/// The options that choose variable values: `--env`, `--env-file` and `--var`.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .long, help: "Use environments/NAME.yaml beside each scenario.")
    var env: String?

    @Option(name: .customLong("env-file"), help: "Use this environment file.")
    var envFile: String?

    @Option(name: .customLong("var"), help: "Set a variable (K=V); beats matrix, environment and vars.")
    var vars: [String] = []

    func validate() throws {
        if env != nil, envFile != nil {
            throw ValidationError("give --env or --env-file, not both")
        }
        for item in vars where CompileOptions.parseOverride(item) == nil {
            throw ValidationError("--var '\(item)' must be NAME=VALUE with a name like server or smtp_host")
        }
    }

    /// The compiler options these arguments describe.
    var compileOptions: CompileOptions {
        CompileOptions(
            environmentName: env,
            environmentFile: envFile,
            overrides: vars.compactMap(CompileOptions.parseOverride),
            knownPersonas: Persona.builtinNames
        )
    }
}
