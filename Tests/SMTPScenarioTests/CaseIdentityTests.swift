import Foundation
import Testing

@testable import SMTPScenario

@Suite("Per-case identity: generated Message-IDs and ${case.id}")
struct CaseIdentityTests {
    private static let matrixScenario = """
        matrix: {rcpt: [a@fabrikam.com, b@fabrikam.com]}
        steps:
          - mail-from: chris@contoso.com
          - rcpt: ${rcpt}
          - data:
              subject: run ${case.id}
              body: hello
          - send: XCASE ${case.id}
            expect: 250
        """

    private func messageIDs(_ scenario: CompiledScenario) -> [String] {
        scenario.cases.map { plan in
            plan.steps.flatMap { $0.displayLines(captures: plan.caseCaptures).map(\.text) }
                .first { $0.hasPrefix("Message-ID: ") } ?? "none"
        }
    }

    private func caseIDs(_ scenario: CompiledScenario) -> [String] {
        scenario.cases.map { wire($0.steps[3]) ?? "none" }
    }

    @Test("each case of a matrix sends its own Message-ID and has its own ${case.id}")
    func uniquePerCase() throws {
        let options = CompileOptions(processEnvironment: [:], messageIDPrefix: "0123456789abcdef-run")
        let result = compile(Self.matrixScenario, options: options)
        let scenario = try #require(result.scenario, "\(result.rendered())")
        #expect(scenario.cases.count == 2)
        #expect(
            messageIDs(scenario) == [
                "Message-ID: <smtpspec.0123456789abcdef-run.0.1@contoso.com>",
                "Message-ID: <smtpspec.0123456789abcdef-run.1.1@contoso.com>",
            ]
        )
        #expect(caseIDs(scenario) == ["XCASE 0123456789ab-0", "XCASE 0123456789ab-1"])
        let subjects = scenario.cases.map { plan in
            plan.steps.flatMap { $0.displayLines().map(\.text) }.first { $0.hasPrefix("Subject: ") }
        }
        #expect(subjects == ["Subject: run 0123456789ab-0", "Subject: run 0123456789ab-1"])
    }

    @Test("two compilations with different prefixes (two runs) give different Message-IDs and case ids")
    func uniquePerRun() throws {
        let first = try #require(
            compile(Self.matrixScenario, options: CompileOptions(processEnvironment: [:])).scenario
        )
        let second = try #require(
            compile(Self.matrixScenario, options: CompileOptions(processEnvironment: [:])).scenario
        )
        #expect(Set(messageIDs(first)).isDisjoint(with: messageIDs(second)))
        #expect(Set(caseIDs(first)).isDisjoint(with: caseIDs(second)))
        #expect(Set(messageIDs(first) + messageIDs(second)).count == 4)
        // The default prefix is a UUID: 12 hex digits before the case index.
        #expect(caseIDs(first)[0].wholeMatch(of: /XCASE [0-9a-f]{12}-0/) != nil)
    }

    @Test("two messages of one case differ too")
    func twoMessagesInOneCase() throws {
        let compiled = try steps(
            """
            steps:
              - mail-from: chris@contoso.com
              - rcpt: kate@fabrikam.com
              - data: {body: one}
              - mail-from: chris@contoso.com
              - rcpt: kate@fabrikam.com
              - data: {body: two}
            """
        )
        let ids = compiled.flatMap { $0.displayLines(captures: ["case.number": "0"]).map(\.text) }
            .filter { $0.hasPrefix("Message-ID: ") }
        #expect(
            ids == ["Message-ID: <smtpspec.fixed.0.1@contoso.com>", "Message-ID: <smtpspec.fixed.0.2@contoso.com>"]
        )
    }

    @Test("cases that differ only in an axis no step names share their steps; each keeps its name and Message-ID")
    func sharedSteps() throws {
        let source = """
            matrix: {rcpt: [a@fabrikam.com, b@fabrikam.com], attempt: [1, 2, 3]}
            steps:
              - mail-from: chris@contoso.com
              - rcpt: ${rcpt}
              - data: {subject: hello, body: hello}
            """
        let options = CompileOptions(processEnvironment: [:], messageIDPrefix: "run")
        let scenario = try #require(compile(source, options: options).scenario)
        let shared = scenario.cases
        // Exactly what compiling each case on its own gives: steps, names, matrix values, positions.
        #expect(shared == Array(scenario.plans.compiledOneByOne))
        #expect(shared.map(\.caseIndex) == Array(0..<6))
        #expect(shared[1].name.hasSuffix("[rcpt=a@fabrikam.com, attempt=2]"))
        #expect(shared[0].steps == shared[2].steps)
        #expect(shared[0].steps != shared[3].steps)
        #expect(Set(messageIDs(scenario)).count == 6)
        // The plan shows each case's own Message-ID.
        let rendered = PlanRenderer.render(scenario)
        for index in 0..<6 { #expect(rendered.contains("Message-ID: <smtpspec.run.\(index).1@contoso.com>")) }
        // An axis that a step names is compiled per value.
        let named = try #require(
            compile(
                source.replacingOccurrences(of: "subject: hello", with: "subject: 'try ${attempt}'"),
                options: options
            )
            .scenario
        )
        #expect(named.cases[0].steps != named.cases[1].steps)
        #expect(named.cases == Array(named.plans.compiledOneByOne))
    }

    @Test("the case. prefix is reserved: no variable may be named case.x, and ${case.other} is an error")
    func reservedPrefix() {
        let defined = compile("vars: {case.x: 1}\nsteps:\n  - ehlo: a.example\n")
        #expect(errorLines(defined) == ["variable name 'case.x' is reserved @ 1:8"])
        let matrix = compile("matrix: {case.id: [1, 2]}\nsteps:\n  - ehlo: a.example\n")
        #expect(errorLines(matrix) == ["variable name 'case.id' is reserved @ 1:10"])
        let captured = compile("steps:\n  - ehlo: a.example\n    capture: {case.q: '(.*)'}\n")
        #expect(errorLines(captured) == ["variable name 'case.q' is reserved @ 3:15"])
        let unknown = compile("steps:\n  - ehlo: ${case.other}\n")
        #expect(errorLines(unknown) == ["unknown built-in variable 'case.other' @ 2:11"])
        #expect(unknown.errors.first?.note?.contains("${case.id}") == true)
        let withDefault = compile("steps:\n  - ehlo: ${case.other:-x}\n")
        #expect(errorLines(withDefault) == ["unknown built-in variable 'case.other' @ 2:11"])
        #expect(CompileOptions.parseOverride("case.id=1") == nil)
        #expect(CompileOptions.parseOverride("cases=1")?.name == "cases")
    }
}
