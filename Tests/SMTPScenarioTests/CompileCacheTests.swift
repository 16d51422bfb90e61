import SMTPScenario
import Testing

/// What the compiler works out once per scenario and reuses in every case must not hide what differs per case.
@Suite("Work shared by the cases of a matrix")
struct CompileCacheTests {
    @Test("an expectation written with a reference is compiled per case; one without is the same in every case")
    func expectationsPerCase() throws {
        let result = compile(
            """
            matrix: {code: ["250", "251"]}
            steps:
              - noop:
                expect: ${code}
              - rset:
                expect: 250 2.0.0
            """
        )
        let scenario = try #require(result.scenario, "\(result.rendered())")
        #expect(scenario.cases.map(\.steps[0].expectation.source) == ["250", "251"])
        #expect(scenario.cases.map(\.steps[1].expectation.source) == ["250 2.0.0", "250 2.0.0"])
    }

    @Test("a bad expectation is reported in a matrix as in a single case")
    func badExpectationEveryCase() {
        let result = compile(
            """
            matrix: {n: ["1", "2"]}
            steps:
              - noop:
                expect: 2yy
            """
        )
        #expect(errorLines(result).count == 1)
        #expect(result.scenario == nil)
    }

    @Test("addresses are checked per value: a bad recipient in one case is reported, the good ones are not")
    func addressesPerValue() {
        let result = compile(
            """
            matrix: {to: [kate@fabrikam.com, "bad address@", ann@fabrikam.com]}
            steps:
              - mail-from: chris@contoso.com
              - rcpt: ${to}
                notify: [success, failure]
            """
        )
        #expect(result.errors.count >= 1)
        #expect(result.errors.allSatisfy { $0.note?.contains("bad address@") == true })
    }

    @Test("a valid notify compiles the same in every case; an invalid one is reported")
    func notifyPerCase() throws {
        let good = compile(
            """
            matrix: {to: [a@fabrikam.com, b@fabrikam.com]}
            steps:
              - rcpt: ${to}
                notify: [success, failure]
            """
        )
        let scenario = try #require(good.scenario, "\(good.rendered())")
        #expect(
            scenario.cases.compactMap { wire($0.steps[0]) } == [
                "RCPT TO:<a@fabrikam.com> NOTIFY=SUCCESS,FAILURE", "RCPT TO:<b@fabrikam.com> NOTIFY=SUCCESS,FAILURE",
            ]
        )
        let bad = compile(
            """
            matrix: {to: [a@fabrikam.com, b@fabrikam.com]}
            steps:
              - rcpt: ${to}
                notify: [never, success]
            """
        )
        #expect(errorLines(bad).map { $0.hasPrefix("notify 'never' cannot be combined") } == [true])
    }
}
