import SMTPScenario
import Testing

@Suite("Every error kind names its file, line and column")
struct DiagnosticTests {
    @Test("a misspelt verb is suggested")
    func misspeltVerb() {
        let result = compile("steps:\n  - ehlo: contoso.com\n  - rcpt-to: kate@fabrikam.com\n")
        #expect(errorLines(result) == ["unknown verb 'rcpt-to' @ 3:5"])
        #expect(result.errors.first?.note == "did you mean 'rcpt'?")
    }

    @Test("an unknown top-level key is suggested")
    func unknownTopLevelKey() {
        let result = compile("name: x\nstesp:\n  - quit\n")
        #expect(errorLines(result).contains("unknown key 'stesp' in the scenario @ 2:1"))
        #expect(result.errors.first { $0.message.hasPrefix("unknown key") }?.note == "did you mean 'steps'?")
        #expect(errorLines(result).contains("the scenario is missing the required key 'steps' @ 1:1"))
    }

    @Test("an unknown key beside a verb is suggested among the modifiers")
    func unknownModifier() {
        let result = compile("steps:\n  - ehlo: a.example\n    expct: 250\n")
        #expect(errorLines(result) == ["unknown key 'expct' in a step @ 3:5"])
        #expect(result.errors.first?.note == "did you mean 'expect'?")
    }

    @Test("a step with zero verbs, and one with two")
    func verbCount() {
        let none = compile("steps:\n  - expect: 250\n")
        #expect(errorLines(none) == ["a step must have exactly one verb; this one has none @ 2:5"])
        let two = compile("steps:\n  - ehlo: a.example\n    mail-from: b@c.example\n")
        #expect(errorLines(two) == ["a step must have exactly one verb; this one has 2: ehlo, mail-from @ 3:5"])
    }

    @Test("invalid expectations", arguments: [("2xz", 13), ("6xx", 13), ("2.1", 13)])
    func invalidExpectation(text: String, column: Int) {
        let result = compile("steps:\n  - quit:\n    expect: \(text)\n")
        #expect(errorLines(result) == ["invalid expectation '\(text)' @ 3:\(column)"])
    }

    @Test("notify mixing never with other values")
    func notifyNever() {
        let result = compile("steps:\n  - rcpt: a@b.example\n    notify: [never, success]\n")
        #expect(errorLines(result) == ["notify 'never' cannot be combined with other values @ 3:13"])
    }

    @Test("a pipeline step that RFC 2920 says must end its group has nothing after it")
    func pipelineOrder() {
        let result = compile(
            """
            steps:
              - pipeline:
                  - rset
                  - mail-from: a@b.example
                  - send: "RCPT TO:<not an address>"
                    expect: 501
                  - rcpt: c@d.example
                  - noop
                  - quit
              - pipeline:
                  - bdat: {chunks: [a, b]}
                  - rset
            """
        )
        #expect(
            errorLines(result) == [
                "'noop' must be the last step of its pipeline @ 8:9",
                "'bdat' must be the last step of its pipeline @ 11:9",
            ]
        )
        let fine = compile(
            "steps:\n  - pipeline:\n      - mail-from: a@b.example\n      - rcpt: c@d.example\n      - data: x\n"
        )
        #expect(fine.errors.isEmpty, "\(fine.rendered())")
    }

    @Test("an undefined variable is suggested")
    func undefinedVariable() {
        let result = compile("vars: {recipient: a@b.example}\nsteps:\n  - rcpt: \"${recipent}\"\n")
        #expect(errorLines(result) == ["undefined variable 'recipent' @ 3:12"])
        #expect(result.errors.first?.note == "did you mean 'recipient'?")
    }

    @Test("an unset environment variable without a default")
    func unsetEnvironment() {
        let result = compile("steps:\n  - vrfy: ${env:SMTPSPEC_NOPE}\n")
        #expect(errorLines(result) == ["environment variable 'SMTPSPEC_NOPE' is not set @ 2:11"])
    }

    @Test("a duplicate key points at the repeat")
    func duplicateKey() {
        let result = compile("steps:\n  - ehlo: a.example\n    expect: 250\n    expect: 251\n")
        #expect(errorLines(result) == ["duplicate key 'expect' @ 4:5"])
    }

    @Test("address and domain limits of RFC 5321")
    func addressLimits() {
        let local65 = String(repeating: "a", count: 65)
        let result = compile("steps:\n  - mail-from: \(local65)@example.com\n")
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("local-part is 65 octets") == true)
        #expect(result.errors.first?.location?.line == 2 && result.errors.first?.location?.column == 16)
        let local64 = String(repeating: "a", count: 64)
        #expect(compile("steps:\n  - mail-from: \(local64)@example.com\n").errors.isEmpty)
        let label = String(repeating: "b", count: 64)
        let domain = compile("steps:\n  - ehlo: \(label).example\n")
        #expect(domain.errors.count == 1)
        #expect(domain.errors.first?.location?.column == 11)
        let bad = compile("steps:\n  - rcpt: not an address\n")
        #expect(bad.errors.count == 1)
        #expect(bad.errors.first?.location?.line == 2)
    }

    @Test("a command line over 512 octets")
    func longCommandLine() {
        let argument = String(repeating: "x", count: 520)
        let result = compile("steps:\n  - send: \(argument)\n    expect: 500\n")
        #expect(errorLines(result) == ["command line is 522 octets with CRLF; RFC 5321 §4.5.3.1.4 allows 512 @ 2:11"])
    }

    @Test("CR or LF in a command argument, from the file, an environment file or --var")
    func injection() throws {
        let fromFile = compile("steps:\n  - ehlo: \"a.example\\r\\nMAIL FROM:<x@y>\"\n")
        #expect(fromFile.errors.first?.message.hasPrefix("CR or LF in the argument of 'ehlo'") == true)
        #expect(fromFile.errors.first?.location?.line == 2)

        let viaVar = compile(
            "vars: {who: x}\nsteps:\n  - rcpt: ${who}@example.com\n",
            options: CompileOptions(overrides: [("who", "a\r\nDATA")], processEnvironment: [:])
        )
        #expect(
            errorLines(viaVar) == [
                "CR or LF in the argument of 'rcpt' (the value of 'who' from --var) would inject an SMTP command @ 3:11"
            ]
        )

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let env = try directory.write("e.yaml", "vars:\n  host: \"evil\\nRSET\"\n")
        let path = try directory.write("s.smtp.yaml", "steps:\n  - helo: ${host}\n")
        let viaEnvironment = ScenarioCompiler(options: CompileOptions(environmentFile: env, processEnvironment: [:]))
            .compile(path: path)
        #expect(viaEnvironment.errors.first?.message.contains("from the environment file") == true)
    }

    @Test("every error in a file is reported, in source order")
    func allErrors() {
        let result = compile(
            """
            steps:
              - ehlo: a.example
                expect: 2xz
              - rcpt-to: x@y.example
              - mail-from: ${nope}
              - sleep: 5 sec
            """
        )
        #expect(
            errorLines(result) == [
                "invalid expectation '2xz' @ 3:13", "unknown verb 'rcpt-to' @ 4:5", "undefined variable 'nope' @ 5:16",
                "invalid duration '5 sec' @ 6:12",
            ]
        )
    }

    @Test("the rendering is Hurl's: error, arrow with location, numbered line, caret and note")
    func rendering() {
        let result = compile(
            "steps:\n  - ehlo: contoso.com\n  - rcpt-to: kate@fabrikam.com\n",
            file: "inbound.smtp.yaml"
        )
        #expect(
            result.rendered() == """
                error: unknown verb 'rcpt-to'
                 --> inbound.smtp.yaml:3:5
                  |
                3 |   - rcpt-to: kate@fabrikam.com
                  |     ^^^^^^^ did you mean 'rcpt'?
                  |

                """
        )
    }

    @Test("sequencing warnings for steps that expect success, none for negative tests")
    func sequencing() {
        let warned = compile(
            """
            steps:
              - open: a.example
              - auth: {username: u, password: p, allow-plaintext: true}
              - rcpt: a@b.example
              - data: x
            """
        )
        #expect(warned.errors.isEmpty)
        #expect(warned.warnings.map { "\($0.location!.line):\($0.location!.column)" } == ["3:5", "4:5", "5:5"])
        #expect(warned.warnings[0].message.hasPrefix("'auth' expects success but cannot succeed here"))
        let negative = compile(
            """
            steps:
              - open: a.example
              - auth: {username: u, password: p, allow-plaintext: true}
                expect: 503
              - rcpt: a@b.example
                expect: 5xx
              - data: x
                expect: failure
            """
        )
        #expect(negative.diagnostics.isEmpty)
    }
}
