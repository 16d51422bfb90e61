import SMTPScenario
import Testing

@Suite("Durations and interpolation")
struct DurationAndTemplateTests {
    @Test(
        "durations",
        arguments: [
            ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("2m", .seconds(120)),
            ("1h", .seconds(3600)), ("1m30s", .seconds(90)), ("0s", .zero),
        ]
    )
    func durations(text: String, expected: Duration) throws {
        #expect(try DurationSyntax.parse(text).get() == expected)
    }

    @Test("bad durations name the problem", arguments: ["30", "5 sec", "1.5s", "s", "-1s", "10d", ""])
    func badDurations(text: String) {
        #expect(throws: DurationSyntax.Problem.self) { try DurationSyntax.parse(text).get() }
    }

    @Test("a bare number asks for a unit")
    func bareNumber() {
        guard case .failure(let problem) = DurationSyntax.parse("30") else {
            Issue.record("30 parsed")
            return
        }
        #expect(problem.message == "duration '30' has no unit")
        #expect(problem.note.contains("30s"))
    }

    @Test("templates split literal text and references")
    func templates() throws {
        let template = try Template.parse("a${x}b${y:-d e}c${env:HOME}$${z}").get()
        #expect(
            template.parts == [
                .literal("a"), .variable(name: "x", defaultValue: nil, offset: 1), .literal("b"),
                .variable(name: "y", defaultValue: "d e", offset: 6), .literal("c"),
                .environment(name: "HOME", defaultValue: nil, offset: 16), .literal("${z}"),
            ]
        )
    }

    @Test("malformed references are refused", arguments: ["${", "${}", "${1x}", "${a b}", "x${env:}"])
    func badTemplates(text: String) {
        #expect(throws: Template.Problem.self) { try Template.parse(text).get() }
    }
}
