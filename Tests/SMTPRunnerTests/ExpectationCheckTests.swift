import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// Every expectation form judged against constructed replies.
@Suite("Expectation checks")
struct ExpectationCheckTests {
    private func expectation(
        _ patterns: [ReplyPattern],
        text: String? = nil,
        capabilities: [CapabilityRequirement] = [],
        lacks: [String] = []
    ) -> SMTPScenario.Expectation {
        SMTPScenario.Expectation(
            replies: patterns,
            text: text,
            capabilities: capabilities,
            lacks: lacks,
            source: "test"
        )
    }

    private let rejected = Reply(550, "5.1.1 <nobody@fabrikam.com>: User unknown")
    private let accepted = Reply(250, "2.1.5 Ok")
    private let ehlo = Reply(
        code: .ok,
        lines: ["mail.example", "PIPELINING", "SIZE 10240000", "AUTH PLAIN LOGIN", "DSN", "STARTTLS"]
    )

    @Test("a reply class accepts every code of its first digit only")
    func replyClass() {
        let fiveXX = expectation([ReplyPattern(code: .replyClass(5))])
        #expect(ExpectationCheck.mismatches(of: rejected, against: fiveXX).isEmpty)
        let problems = ExpectationCheck.mismatches(of: accepted, against: fiveXX)
        #expect(problems == [.reply(accepted)])
    }

    @Test("an exact code, an enhanced code, and both together")
    func codes() {
        #expect(
            ExpectationCheck.mismatches(of: rejected, against: expectation([ReplyPattern(code: .exact(550))])).isEmpty
        )
        #expect(
            !ExpectationCheck.mismatches(of: rejected, against: expectation([ReplyPattern(code: .exact(551))])).isEmpty
        )
        let enhanced = ReplyPattern(code: nil, enhanced: EnhancedCodePattern("5.1.1"))
        #expect(ExpectationCheck.mismatches(of: rejected, against: expectation([enhanced])).isEmpty)
        let wildcard = ReplyPattern(code: nil, enhanced: EnhancedCodePattern("5.7.x"))
        #expect(!ExpectationCheck.mismatches(of: rejected, against: expectation([wildcard])).isEmpty)
        let both = ReplyPattern(code: .exact(550), enhanced: EnhancedCodePattern("5.1.1"))
        #expect(ExpectationCheck.mismatches(of: rejected, against: expectation([both])).isEmpty)
        #expect(!ExpectationCheck.mismatches(of: Reply(550, "User unknown"), against: expectation([both])).isEmpty)
    }

    @Test("alternatives: any one matching is enough; none means any reply")
    func alternatives() {
        let either = expectation([ReplyPattern(code: .exact(250)), ReplyPattern(code: .exact(251))])
        #expect(ExpectationCheck.mismatches(of: accepted, against: either).isEmpty)
        #expect(ExpectationCheck.mismatches(of: Reply(251, "forwarding"), against: either).isEmpty)
        #expect(!ExpectationCheck.mismatches(of: Reply(252, "cannot verify"), against: either).isEmpty)
        #expect(ExpectationCheck.mismatches(of: rejected, against: expectation([])).isEmpty)
    }

    @Test("the text regex must match somewhere in the joined lines")
    func textRegex() {
        #expect(ExpectationCheck.mismatches(of: rejected, against: expectation([], text: "User unknown$")).isEmpty)
        let problems = ExpectationCheck.mismatches(of: rejected, against: expectation([], text: "^Relay"))
        #expect(problems == [.replyText(pattern: "^Relay")])
        #expect(ExpectationCheck.mismatches(of: ehlo, against: expectation([], text: "(?m)^DSN$")).isEmpty)
    }

    @Test("capabilities: keyword, parameter and numeric comparison; lacks")
    func capabilities() {
        let met = expectation(
            [],
            capabilities: [
                CapabilityRequirement(keyword: "pipelining"),
                CapabilityRequirement(keyword: "AUTH", parameter: "login"),
                CapabilityRequirement(keyword: "SIZE", comparison: Comparison(.greaterOrEqual, 10_485_760 / 2)),
            ],
            lacks: ["CHUNKING"]
        )
        #expect(ExpectationCheck.mismatches(of: ehlo, against: met).isEmpty)
        let unmet = expectation(
            [],
            capabilities: [
                CapabilityRequirement(keyword: "CHUNKING"),
                CapabilityRequirement(keyword: "AUTH", parameter: "XOAUTH2"),
                CapabilityRequirement(keyword: "SIZE", comparison: Comparison(.greaterOrEqual, 52_428_800)),
                CapabilityRequirement(keyword: "DSN", comparison: Comparison(.greater, 0)),
            ],
            lacks: ["STARTTLS"]
        )
        let problems = ExpectationCheck.mismatches(of: ehlo, against: unmet)
        #expect(
            problems == [
                .capabilityMissing(unmet.capabilities[0]),
                .capabilityParameter(unmet.capabilities[1], advertised: ["PLAIN", "LOGIN"]),
                .capabilityComparison(unmet.capabilities[2], advertised: ["10240000"]),
                .capabilityComparison(unmet.capabilities[3], advertised: []),
                .capabilityPresent("STARTTLS"),
            ]
        )
        #expect(
            problems.map(\.description) == [
                "capability CHUNKING is not advertised",
                "capability AUTH lacks XOAUTH2 (advertised: PLAIN LOGIN)",
                "capability SIZE is 10240000, expected >= 52428800",
                "capability DSN has no number to compare > 0",
                "capability STARTTLS is advertised but should not be",
            ]
        )
    }

    @Test("TLS facts: valid days, minimum version, subject, issuer, SAN, cipher")
    func tlsFacts() {
        let facts = TLSFacts(
            version: "1.2",
            subject: "O=smtpspec tests, CN=mail.smtpspec.test",
            issuer: "CN=smtpspec test CA",
            subjectAlternativeNames: ["mail.smtpspec.test", "127.0.0.1"],
            daysLeft: 29,
            verified: true
        )
        let met = TLSExpectation(
            validDays: Comparison(.greaterOrEqual, 14),
            minimumVersion: "1.2",
            subject: "CN=mail\\.smtpspec\\.test",
            issuer: "test CA",
            san: "MAIL.smtpspec.test"
        )
        #expect(ExpectationCheck.mismatches(of: facts, against: met).isEmpty)
        let unmet = TLSExpectation(
            validDays: Comparison(.greaterOrEqual, 30),
            minimumVersion: "1.3",
            subject: "CN=other",
            issuer: "Let's Encrypt",
            san: "other.example",
            cipher: "AES"
        )
        let problems = ExpectationCheck.mismatches(of: facts, against: unmet)
        #expect(problems.map(\.fact) == [.validDays, .version, .subject, .issuer, .san, .cipher])
        #expect(problems.first == TLSFactMismatch(fact: .validDays, expected: ">= 30", observed: "29"))
        #expect(problems[1] == TLSFactMismatch(fact: .version, expected: "1.3", observed: "1.2"))
        #expect(problems.last == TLSFactMismatch(fact: .cipher, expected: "/AES/", observed: nil))
    }
}
