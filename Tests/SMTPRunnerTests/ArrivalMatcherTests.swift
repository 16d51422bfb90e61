import Foundation
import SMTPCore
import SMTPMessage
import SMTPScenario
import Testing

@testable import SMTPRunner

/// Which arrived message is this case's, and whether it shows what the await step expects: on message text
/// alone, with the DSNs Postfix really sent (Tests/Fixtures/dsn).
@Suite("Mail flow: matching arrived messages")
struct ArrivalMatcherTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/dsn/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    static func matcher(
        _ kind: AwaitPlan.Kind,
        id: String = "<case-1@client.example>",
        envid: String? = nil,
        to: String? = nil,
        expect: ArrivalExpectation,
        from: String? = nil,
        recipient: String? = nil
    ) -> ArrivalMatcher {
        ArrivalMatcher(
            kind: kind,
            messageID: MessageID(parsing: id),
            envelopeID: envid,
            recipient: to,
            expectation: expect,
            envelopeFrom: from,
            notifiedRecipient: recipient
        )
    }

    static let message = Array(
        """
        Received: from a.example by b.example
        Received: from client.example by a.example with ESMTPS
        Message-ID: <case-1@CLIENT.example>
        Delivered-To: kate@relay.example
        Subject: flow 1
        X-Repeated: one
        X-Repeated: two

        hello there
        """.replacingOccurrences(of: "\n", with: "\r\n").utf8
    )

    @Test("A message is this case's by its own Message-ID (domain without case); any instance of a header may match")
    func message() {
        let checks = MessageExpectation(
            headers: [
                HeaderCondition(name: "received", test: .matches("with ESMTPS")),
                HeaderCondition(name: "X-Repeated", test: .matches("^two$")),
                HeaderCondition(name: "X-Spam-Flag", test: .absent),
            ],
            body: "hello"
        )
        let arrived = ArrivedMessage(origin: "test", content: Self.message)
        guard case .passed(let summary) = Self.matcher(.message, expect: .message(checks)).judge(arrived) else {
            Issue.record("expected a pass")
            return
        }
        #expect(summary.isThisCase)
        #expect(summary.subject == "flow 1")
        #expect(summary.deliveredTo == ["kate@relay.example"])
        let other = Self.matcher(.message, id: "<case-2@client.example>", expect: .message(checks))
        guard case .other = other.judge(arrived) else {
            Issue.record("another case's message matched")
            return
        }
    }

    @Test("Failed checks say which header, with its values; `to` compares with Delivered-To in a mailbox")
    func mismatches() {
        let arrived = ArrivedMessage(origin: "test", content: Self.message)
        let checks = MessageExpectation(
            headers: [
                HeaderCondition(name: "Subject", test: .matches("^nope")),
                HeaderCondition(name: "X-Repeated", test: .absent),
            ]
        )
        guard case .failed(let found, _) = Self.matcher(.message, expect: .message(checks)).judge(arrived) else {
            Issue.record("expected a failure")
            return
        }
        #expect(
            found.map(\.description) == [
                "header Subject does not match /^nope/: \"flow 1\"",
                "header X-Repeated is present: \"one\", \"two\"",
            ]
        )
        let elsewhere = Self.matcher(.message, to: "chris@relay.example", expect: .message(MessageExpectation()))
        guard case .forOthers(let mismatch, _) = elsewhere.judge(arrived) else {
            Issue.record("expected arrival for others")
            return
        }
        #expect(mismatch == .arrivedForOthers(expected: "chris@relay.example", observed: ["kate@relay.example"]))
        let there = Self.matcher(.message, to: "kate@RELAY.example", expect: .nothing)
        guard case .failed(let unexpected, _) = there.judge(arrived) else {
            Issue.record("expect: none must fail when the message arrives")
            return
        }
        #expect(unexpected == [.arrivedUnexpectedly(.message)])
    }

    @Test("A DSN that quotes the Message-ID is never the message itself")
    func notificationIsNotTheMessage() throws {
        let dsn = ArrivedMessage(origin: "test", content: try Self.fixture("postfix-relayed.eml"))
        let matcher = Self.matcher(.message, id: "<case-relayed-1.smtpspec@client.example>", expect: .nothing)
        guard case .other = matcher.judge(dsn) else {
            Issue.record("a notification was taken for the message")
            return
        }
    }

    @Test("A DSN is this case's by its returned Message-ID or by its ENVID")
    func notificationIdentity() throws {
        let relayed = ArrivedMessage(origin: "test", content: try Self.fixture("postfix-relayed.eml"))
        let expectation = ArrivalExpectation.dsn(
            DSNExpectation(
                action: .relayed,
                status: EnhancedCodePattern("2.x.x"),
                recipient: PlanText(literal: "kate@relay.example")
            )
        )
        let byID = Self.matcher(
            .dsn,
            id: "<case-relayed-1.smtpspec@client.example>",
            expect: expectation,
            recipient: "kate@relay.example"
        )
        guard case .passed(let summary) = byID.judge(relayed) else {
            Issue.record("the relayed DSN did not pass by Message-ID")
            return
        }
        #expect(
            summary.notification.map(\.description) == [
                "kate@relay.example: relayed 2.0.0 (smtp; 250 2.0.0 Ok: queued as 7F3A2)"
            ]
        )
        // A shared ENVID does not make another case's notification this one's: its returned Message-ID decides.
        let sharedEnvelope = Self.matcher(
            .dsn,
            id: "<unrelated@x.example>",
            envid: "case-relayed-1",
            expect: expectation,
            recipient: "kate@relay.example"
        )
        guard case .other = sharedEnvelope.judge(relayed) else {
            Issue.record("another case's DSN matched by its shared ENVID")
            return
        }
        // Without returned headers, the ENVID decides.
        let headerless = ArrivedMessage(origin: "test", content: Self.headerlessDSN)
        let byEnvelope = Self.matcher(.dsn, id: "<case-9@client.example>", envid: "env-9", expect: expectation)
        guard case .passed = byEnvelope.judge(headerless) else {
            Issue.record("the DSN without returned headers did not pass by ENVID")
            return
        }
        let neither = Self.matcher(.dsn, id: "<unrelated@x.example>", envid: "other", expect: expectation)
        guard case .other = neither.judge(relayed) else {
            Issue.record("another case's DSN matched")
            return
        }
    }

    /// A relayed DSN that returns no headers (RET=HDRS not honoured), found by its ENVID only.
    static let headerlessDSN = Array(
        """
        From: MAILER-DAEMON@mail.example
        Message-ID: <dsn-9@mail.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Type: text/plain

        Relayed.
        --b
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.example
        Original-Envelope-Id: env-9

        Final-Recipient: rfc822; kate@relay.example
        Action: relayed
        Status: 2.0.0

        --b--
        """.replacingOccurrences(of: "\n", with: "\r\n").utf8
    )

    @Test("A failed DSN reports its action and status against what was expected")
    func failedNotification() throws {
        let failed = ArrivedMessage(origin: "test", content: try Self.fixture("postfix-failed.eml"))
        let id = "<case-failed-2.smtpspec@client.example>"
        let expectRelayed = Self.matcher(.dsn, id: id, expect: .dsn(DSNExpectation(action: .relayed)))
        guard case .failed(let mismatches, let summary) = expectRelayed.judge(failed) else {
            Issue.record("expected a failure")
            return
        }
        #expect(mismatches == [.notificationAction(expected: .relayed, observed: [.failed])])
        #expect(summary.notification.first?.diagnosticCode?.contains("550 5.1.1") == true)
        let expectFailed = Self.matcher(
            .dsn,
            id: id,
            expect: .dsn(DSNExpectation(action: .failed, status: EnhancedCodePattern("5.1.1"))),
            recipient: "nobody@relay.example"
        )
        guard case .passed = expectFailed.judge(failed) else {
            Issue.record("the failed DSN did not pass")
            return
        }
        let otherRecipient = Self.matcher(
            .dsn,
            id: id,
            expect: .dsn(DSNExpectation(action: .failed)),
            recipient: "kate@relay.example"
        )
        guard case .failed(let wrong, _) = otherRecipient.judge(failed) else {
            Issue.record("expected a recipient mismatch")
            return
        }
        #expect(wrong == [.notificationRecipient(expected: "kate@relay.example", observed: ["nobody@relay.example"])])
    }
}
