import SMTPCore
import SMTPScenario
import Testing

@Suite("The expectation language")
struct ExpectationSyntaxTests {
    private func patterns(_ text: String) throws -> [String] {
        let parsed = try ExpectationSyntax.parse(text).get()
        return parsed.map { alternative in
            switch alternative {
            case .reply(let pattern): return pattern.description
            case .noConnection: return "no-connection"
            }
        }
    }

    @Test(
        "classes, codes, enhanced codes and both",
        arguments: [
            ("2xx", ["2xx"]), ("5xx", ["5xx"]), ("250", ["250"]), ("2.1.5", ["2.1.5"]), ("5.7.x", ["5.7.x"]),
            ("5.x.x", ["5.x.x"]), ("250 2.1.5", ["250 2.1.5"]), ("550 5.1.1", ["550 5.1.1"]),
            ("250 | 251", ["250", "251"]), ("success", ["2xx"]), ("intermediate", ["3xx"]),
            ("transient", ["4xx"]), ("permanent", ["5xx"]), ("failure", ["4xx", "5xx"]),
            ("no-connection", ["no-connection"]), ("FAILURE", ["4xx", "5xx"]), ("5.7.606", ["5.7.606"]),
        ]
    )
    func valid(text: String, expected: [String]) throws {
        #expect(try patterns(text) == expected)
    }

    @Test(
        "invalid forms are refused",
        arguments: [
            "2xz", "6xx", "2.1", "650", "7.1.1", "25", "2500", "", "250 4.1.1",
            "3.1.1", "2.1.5.1", "2.1000.1", "x50", "260",
        ]
    )
    func invalid(text: String) {
        #expect(throws: ExpectationSyntax.Problem.self) { try ExpectationSyntax.parse(text).get() }
    }

    @Test("a reply pattern matches by class, code and enhanced code")
    func matching() throws {
        let parsed = try ExpectationSyntax.parse("250 2.1.5").get()
        guard case .reply(let pattern) = parsed[0] else {
            Issue.record("not a reply pattern")
            return
        }
        #expect(pattern.matches(code: 250, enhanced: EnhancedStatusCode(parsing: "2.1.5")))
        #expect(!pattern.matches(code: 250, enhanced: EnhancedStatusCode(parsing: "2.1.0")))
        #expect(!pattern.matches(code: 250, enhanced: nil))
        #expect(!pattern.matches(code: 251, enhanced: EnhancedStatusCode(parsing: "2.1.5")))
        let wildcard = ReplyPattern(code: nil, enhanced: EnhancedCodePattern("5.7.x"))
        #expect(wildcard.matches(code: 554, enhanced: EnhancedStatusCode(parsing: "5.7.1")))
        #expect(!wildcard.matches(code: 554, enhanced: EnhancedStatusCode(parsing: "5.1.1")))
    }
}
