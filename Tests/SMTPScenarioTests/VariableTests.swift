import Foundation
import SMTPScenario
import Testing

@Suite("Variables: interpolation, precedence, environments, matrix and secrets")
struct VariableTests {
    @Test("--var beats matrix, which beats the environment, which beats vars")
    func precedence() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("environments/dev.yaml", "vars:\n  a: env\n  b: env\n  c: env\n")
        let path = try directory.write(
            "p.smtp.yaml",
            """
            vars: {a: file, b: file, c: file, d: file}
            matrix: {a: [matrix], b: [matrix]}
            steps:
              - ehlo: ${a}.${b}.${c}.${d}
            """
        )
        let options = CompileOptions(environmentName: "dev", overrides: [("a", "cli")], processEnvironment: [:])
        let result = ScenarioCompiler(options: options).compile(path: path)
        let scenario = try #require(result.scenario, "\(result.rendered())")
        #expect(scenario.cases.count == 1)
        #expect(wire(scenario.cases[0].steps[0]) == "EHLO cli.matrix.env.file")
    }

    @Test("--env-file is read instead of environments/NAME.yaml")
    func environmentFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let env = try directory.write("staging.yaml", "name: staging\nvars: {server: staging.example}\n")
        let path = try directory.write("s.smtp.yaml", "vars: {server: dev.example}\nsteps:\n  - ehlo: ${server}\n")
        let result = ScenarioCompiler(options: CompileOptions(environmentFile: env, processEnvironment: [:]))
            .compile(path: path)
        #expect(result.scenario.map { wire($0.cases[0].steps[0]) } == "EHLO staging.example")
    }

    @Test("a missing environment names the ones that exist")
    func missingEnvironment() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try directory.write("environments/prod.yaml", "vars: {}\n")
        let path = try directory.write("s.smtp.yaml", "steps:\n  - quit\n")
        let result = ScenarioCompiler(options: CompileOptions(environmentName: "stage", processEnvironment: [:]))
            .compile(path: path)
        #expect(result.scenario == nil)
        #expect(result.errors.first?.message.hasPrefix("environment 'stage' not found") == true)
        #expect(result.errors.first?.note == "available: prod")
    }

    @Test("defaults, nested variables and ${env:} secrets")
    func interpolation() throws {
        let options = CompileOptions(processEnvironment: ["SMTP_USER": "robot", "SMTP_PASSWORD": "s3cret"])
        let result = compile(
            """
            vars:
              domain: contoso.com
              sender: chris@${domain}
            steps:
              - ehlo: ${helo:-contoso.com}
              - mail-from: ${sender}
              - auth: {username: "${env:SMTP_USER}", password: "${env:SMTP_PASSWORD}", allow-plaintext: true}
              - vrfy: ${env:NOPE:-fallback}
            """,
            options: options
        )
        let plan = try #require(result.scenario?.cases.first, "\(result.rendered())")
        #expect(wire(plan.steps[1]) == "MAIL FROM:<chris@contoso.com>")
        guard case .auth(let auth) = plan.steps[2].action else {
            Issue.record("not auth")
            return
        }
        #expect(auth.username.redacted() == "******")
        #expect(auth.username.wire() == "robot")
        #expect(auth.password.redacted() == "******")
        #expect(plan.secrets.contains("s3cret") && plan.secrets.contains("robot"))
        #expect(plan.redact("user robot pass s3cret") == "user ****** pass ******")
        #expect(plan.steps[3].displayLines().map(\.text) == ["VRFY ******"])
    }

    @Test("a literal password is a secret too")
    func literalPassword() throws {
        let result = compile("steps:\n  - auth: {username: u, password: hunter2, allow-plaintext: true}\n")
        let plan = try #require(result.scenario?.cases.first)
        #expect(plan.secrets == ["hunter2"])
        #expect(plan.redact("AUTH PLAIN hunter2") == "AUTH PLAIN ******")
    }

    @Test("every piece of a password is a secret, so a variable it names is hidden where else it appears")
    func passwordPieces() throws {
        let result = compile(
            """
            vars: {user_part: kate4471, site_part: Fabrikam9932}
            steps:
              - ehlo: ${user_part}.example
              - auth: {username: u, password: "${user_part}${site_part}", allow-plaintext: true}
            """
        )
        let plan = try #require(result.scenario?.cases.first)
        #expect(Set(plan.secrets).isSuperset(of: ["kate4471", "Fabrikam9932"]))
        #expect(plan.redact("EHLO kate4471.example") == "EHLO ******.example")
    }

    @Test("the default ends at the first '}'")
    func defaultWithBraces() throws {
        let compiled = try steps("steps:\n  - ehlo: ${name:-example.com}\n")
        #expect(wire(compiled[0]) == "EHLO example.com")
    }

    @Test("a matrix expands into one named case per combination")
    func matrix() throws {
        let result = compile(
            """
            name: M
            matrix:
              recipient: [a@x.example, b@x.example]
              port: [25, 587]
            steps:
              - open: 127.0.0.1:${port}
              - rcpt: ${recipient}
            """
        )
        let scenario = try #require(result.scenario, "\(result.rendered())")
        #expect(
            scenario.cases.map(\.name) == [
                "M [recipient=a@x.example, port=25]", "M [recipient=a@x.example, port=587]",
                "M [recipient=b@x.example, port=25]", "M [recipient=b@x.example, port=587]",
            ]
        )
        #expect(
            scenario.cases.map { wire($0.steps[1]) ?? "" } == [
                "RCPT TO:<a@x.example>", "RCPT TO:<a@x.example>", "RCPT TO:<b@x.example>", "RCPT TO:<b@x.example>",
            ]
        )
        guard case .open(let open) = scenario.cases[1].steps[0].action, case .host(_, let port) = open.target else {
            Issue.record("not open")
            return
        }
        #expect(port == 587)
    }

    @Test("a case is named after the value it sends: --var overrides a matrix axis, and the axis collapses")
    func matrixOverriddenByVar() throws {
        let options = CompileOptions(overrides: [("sender", "override@example.org")], processEnvironment: [:])
        let result = compile(
            """
            name: M
            matrix:
              sender: [a@example.org, b@example.org]
              port: [25, 587]
            steps:
              - mail-from: ${sender}
            """,
            options: options
        )
        let scenario = try #require(result.scenario, "\(result.rendered())")
        #expect(
            scenario.cases.map(\.name) == [
                "M [sender=override@example.org, port=25]", "M [sender=override@example.org, port=587]",
            ]
        )
        #expect(scenario.cases.allSatisfy { wire($0.steps[0]) == "MAIL FROM:<override@example.org>" })
        #expect(
            scenario.cases[1].matrix == [
                MatrixValue(name: "sender", value: "override@example.org"), MatrixValue(name: "port", value: "587"),
            ]
        )
    }

    @Test("matrix values that interpolate other variables are named resolved, secrets masked")
    func matrixValuesInterpolated() throws {
        let result = compile(
            """
            name: M
            vars: {domain: example.org}
            matrix:
              sender: ["a@${domain}", "${env:SMTPSPEC_SECRET_SENDER}"]
            steps:
              - mail-from: ${sender}
            """,
            options: CompileOptions(processEnvironment: ["SMTPSPEC_SECRET_SENDER": "hidden@example.org"])
        )
        let scenario = try #require(result.scenario, "\(result.rendered())")
        #expect(scenario.cases.map(\.name) == ["M [sender=a@example.org]", "M [sender=******#2]"])
        #expect(wire(scenario.cases[1].steps[0]) == "MAIL FROM:<hidden@example.org>")
    }

    @Test("a matrix over two secrets is two cases, told apart by place, never by value")
    func matrixOverSecrets() throws {
        // Both values mask to `******`: found as repeats on the masked text, the second one was never played.
        let result = compile(
            """
            name: Accounts
            matrix:
              sender: ["${env:SMTPSPEC_SENDER_ONE}", "${env:SMTPSPEC_SENDER_TWO}"]
            steps:
              - mail-from: ${sender}
            """,
            options: CompileOptions(processEnvironment: [
                "SMTPSPEC_SENDER_ONE": "alpha@example.org", "SMTPSPEC_SENDER_TWO": "beta@example.org",
            ])
        )
        let scenario = try #require(result.scenario, "\(result.rendered())")
        #expect(scenario.cases.map(\.name) == ["Accounts [sender=******#1]", "Accounts [sender=******#2]"])
        #expect(
            scenario.cases.map { wire($0.steps[0]) } == [
                "MAIL FROM:<alpha@example.org>", "MAIL FROM:<beta@example.org>",
            ]
        )
    }

    @Test("captures become run-time variables for later steps")
    func captures() throws {
        let compiled = try steps(
            """
            steps:
              - data: x
                capture: {queue_id: 'queued as ([A-Z0-9]+)'}
              - vrfy: ${queue_id}
            """
        )
        guard case .command(let line) = compiled[1].action else { throw CompileFailed(rendered: "no command") }
        #expect(line.captureNames == ["queue_id"])
        #expect(line.wire(captures: ["queue_id": "ABC"]) == "VRFY ABC")
        #expect(line.redacted() == "VRFY ${queue_id}")
    }

    @Test("persona: a built-in name stays a name; a file is found beside the scenario")
    func persona() throws {
        #expect(compile("persona: postfix\nsteps:\n  - quit\n").scenario?.persona == "postfix")
        let folder = NSTemporaryDirectory() + "smtpspec-persona-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/personas", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "name: x\n".write(toFile: folder + "/personas/x.persona.yaml", atomically: true, encoding: .utf8)
        let file = compile("persona: personas/x.persona.yaml\nsteps:\n  - quit\n", file: folder + "/a.smtp.yaml")
        #expect(file.scenario?.persona == folder + "/personas/x.persona.yaml", "\(file.rendered())")
        // A .yml file is checked and handed over by the same rule: beside the scenario, not the working directory.
        try "name: y\n".write(toFile: folder + "/personas/y.yml", atomically: true, encoding: .utf8)
        let yml = compile("persona: personas/y.yml\nsteps:\n  - quit\n", file: folder + "/a.smtp.yaml")
        #expect(yml.scenario?.persona == folder + "/personas/y.yml", "\(yml.rendered())")
    }

    @Test("a persona that does not exist is an error at its place: a missing file, an unknown built-in name")
    func missingPersona() throws {
        let file = compile("persona: personas/nope.persona.yaml\nsteps:\n  - quit\n", file: "/nonexistent/a.smtp.yaml")
        #expect(file.scenario == nil)
        #expect(file.errors.map(\.message) == ["cannot read persona file 'personas/nope.persona.yaml'"])
        #expect(file.errors.first?.location?.line == 1 && file.errors.first?.location?.column == 10)
        let options = CompileOptions(processEnvironment: [:], knownPersonas: ["exchange", "postfix"])
        let name = compile("persona: exchnage\nsteps:\n  - quit\n", options: options)
        #expect(name.errors.map(\.message) == ["unknown persona 'exchnage'"])
        #expect(name.errors.first?.note == "did you mean 'exchange'?")
        #expect(compile("persona: exchange\nsteps:\n  - quit\n", options: options).errors.isEmpty)
    }

    @Test("retry is compiled with its defaults")
    func retry() throws {
        let result = compile("retry: {on: 4xx, attempts: 3, delay: 1s}\nsteps:\n  - quit\n")
        let retry = try #require(result.scenario?.retry)
        #expect(retry.attempts == 3 && retry.delay == .seconds(1))
        #expect(retry.on.map(\.description) == ["4xx"])
    }
}
