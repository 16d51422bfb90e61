import Foundation
import SMTPCore
import SMTPDiagnosis
import SMTPRunner
import SMTPScenario
import Testing

/// The runner against the real Dovecot 2.3 LMTP server (Debian `dovecot-lmtpd`) on 127.0.0.1:2424
/// (Tests/Peers/dovecot). After the message an LMTP server sends one reply per accepted recipient, in RCPT order
/// (RFC 2033 §4.2). Dovecot accepts both recipients at RCPT, then after the message answers
/// `250 2.0.0 <kate@lmtp.smtpspec.test> … Saved` for kate and
/// `552 5.2.2 <full@lmtp.smtpspec.test> Quota exceeded (mailbox for user is full)` for full, whose quota is
/// smaller than any message. It advertises CHUNKING in its LHLO reply, so BDAT LAST is checked the same way.
@Suite("Runner against Dovecot LMTP", .enabled(if: PeerEnvironment.peersAvailable))
struct RunnerLMTPTests {
    /// The user every message is delivered to.
    static let kate = "kate@lmtp.smtpspec.test"
    /// The user over quota: refused with 552 5.2.2 after the message.
    static let full = "full@lmtp.smtpspec.test"

    /// A scenario that opens the LMTP server, says LHLO, names kate then full, sends `message` (a `data:` or
    /// `bdat:` step, indented as a step of the list) and then NOOP and QUIT.
    static func scenario(_ name: String, message: String) -> String {
        """
        name: \(name)
        steps:
          - open: ${server}
            expect: 220
          - lhlo: contoso.com
            expect: 250
          - mail-from: chris@contoso.com
            expect: 250 2.1.0
          - rcpt: \(kate)
            expect: 250 2.1.5
          - rcpt: \(full)
            expect: 250 2.1.5
        \(message)
          - noop:
            expect: 250
          - quit:
            expect: 221
        """
    }

    /// A `data:` step with `expect`, when given, as its expectation block.
    static func dataStep(expect: String? = nil) -> String {
        var step = """
              - data:
                  subject: Quota test
                  body: hello hello hello
            """
        if let expect { step += "\n    expect: \(expect)" }
        return step
    }

    /// Runs `yaml` against the Dovecot LMTP peer.
    static func run(_ yaml: String) async throws -> ScenarioResult {
        let dovecot = try PeerEnvironment.requirePeer(.dovecotLMTP)
        return try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(dovecot)])
    }

    /// The `.recipientReply` mismatches of a failed step.
    static func recipientMismatches(_ step: StepResult) -> [RecipientReply] {
        (step.failure?.mismatches ?? []).compactMap {
            if case .recipientReply(let recipient) = $0 { return recipient }
            return nil
        }
    }

    @Test("Dovecot greets as LMTP and advertises CHUNKING in its LHLO reply")
    func greetsAndAdvertisesChunking() async throws {
        let (host, port) = try PeerEnvironment.requirePeer(.dovecotLMTP)
        let greeting = try PeerEnvironment.readGreeting(host: host, port: port)
        #expect(greeting.hasPrefix("220 "))
        #expect(greeting.contains("Dovecot"))
        let yaml = """
            name: LHLO capabilities
            steps:
              - open: ${server}
              - lhlo: contoso.com
                expect:
                  reply: 250
                  capabilities: [CHUNKING, PIPELINING, ENHANCEDSTATUSCODES]
              - quit
            """
        let result = try await Self.run(yaml)
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
    }

    @Test("one recipient refused after DATA fails the data step itself, naming recipient 2, not the next step")
    func refusalAfterDataFailsTheDataStep() async throws {
        let result = try await Self.run(Self.scenario("Quota refusal after DATA", message: Self.dataStep()))
        let transcript = RunnerHarness.transcript(result)
        #expect(result.status == .failed, "\(transcript)")
        let failed = try #require(result.failedStep, "\(transcript)")
        #expect(failed.verb == .data, "\(transcript)")
        #expect(failed.verb != .noop)
        #expect(failed.replyRole == .endOfData)
        // Both replies after the final dot belong to the data step, in RCPT order.
        #expect(failed.recipientReplies.count == 2, "\(transcript)")
        #expect(failed.recipientReplies.map(\.index) == [0, 1])
        #expect(failed.recipientReplies.map { $0.rcptLine?.contains(Self.kate) } == [true, false])
        #expect(failed.recipientReplies.map { $0.rcptLine?.contains(Self.full) } == [false, true])
        // Each recipient's reply keeps the RCPT line that added that recipient, in RCPT order.
        #expect(
            failed.recipientReplies.map(\.rcptLine) == ["RCPT TO:<\(Self.kate)>", "RCPT TO:<\(Self.full)>"]
        )
        #expect(failed.recipientReplies.map(\.reply.code.value) == [250, 552])
        #expect(failed.recipientReplies.allSatisfy { $0.expected == "250" })
        // The judged reply is the first recipient's; the refusal is the typed recipient mismatch.
        #expect(failed.reply?.code.value == 250)
        let refused = Self.recipientMismatches(failed)
        #expect(refused.count == 1, "\(failed.failure?.mismatches ?? [])")
        let refusal = try #require(refused.first)
        #expect(refusal.index == 1)
        #expect(refusal.rcptLine?.contains(Self.full) == true)
        #expect(refusal.reply.code.value == 552)
        #expect(refusal.reply.enhancedStatusCode?.description == "5.2.2")
        #expect(refusal.reply.text.contains("Quota exceeded"), "\(refusal.reply)")
        #expect(failed.failure?.mismatches.first?.kind == .recipientReply)
        #expect(failed.failure?.kind == .unexpectedReply)
        // No reply is left over for the next command: NOOP was not played (the case stops at the failed step), and
        // exactly the two replies after the final dot came before the next command (the closing QUIT).
        #expect(!result.steps.contains { $0.verb == .noop })
        let afterDot = result.transcript.map(\.description).drop { $0 != "C: ." }.dropFirst()
        #expect(afterDot.prefix { !$0.hasPrefix("C: ") }.filter { $0.hasPrefix("S: ") }.count == 2, "\(transcript)")
    }

    @Test("the failure explained for a person names recipient 2 and 552, and shows both recipients' replies")
    func refusalExplained() async throws {
        let result = try await Self.run(Self.scenario("Quota refusal explained", message: Self.dataStep()))
        let explanation = try #require(
            FailureExplanation.explain(result, catalogue: try ReasonsCatalogue.bundled()),
            "\(RunnerHarness.transcript(result))"
        )
        #expect(explanation.verb == .data)
        #expect(explanation.diagnosisStep == .endOfData)
        #expect(explanation.summary.contains("recipient 2"), "\(explanation.summary)")
        #expect(explanation.summary.contains("552"), "\(explanation.summary)")
        #expect(explanation.summary.contains(Self.full), "\(explanation.summary)")
        #expect(!explanation.summary.contains("recipient 1"), "\(explanation.summary)")
        #expect(explanation.got.count == 2, "\(explanation.got)")
        let got = explanation.got.joined(separator: "\n")
        #expect(explanation.got.first?.hasPrefix("250 2.0.0 <\(Self.kate)>") == true, "\(got)")
        #expect(explanation.got.first?.hasSuffix("(recipient 1)") == true, "\(got)")
        #expect(explanation.got.last?.hasPrefix("552 5.2.2 <\(Self.full)>") == true, "\(got)")
        #expect(explanation.got.last?.hasSuffix("(recipient 2)") == true, "\(got)")
        #expect(!explanation.reasons.isEmpty)
        #expect(!explanation.isError)
    }

    @Test("per-recipient [250, 552] passes, and the NOOP after it gets its own 250")
    func perRecipientExpectationPasses() async throws {
        let yaml = Self.scenario(
            "Quota refusal expected",
            message: Self.dataStep(expect: "{per-recipient: [250, 552]}")
        )
        let result = try await Self.run(yaml)
        let transcript = RunnerHarness.transcript(result)
        #expect(result.status == .passed, "\(transcript)")
        let data = try RunnerHarness.step(result, 5)
        #expect(data.verb == .data)
        #expect(data.passed)
        #expect(data.recipientReplies.map(\.expected) == ["250", "552"])
        #expect(data.recipientReplies.map(\.reply.code.value) == [250, 552])
        #expect(data.recipientReplies.last?.reply.enhancedStatusCode?.description == "5.2.2")
        let noop = try RunnerHarness.step(result, 6)
        #expect(noop.verb == .noop)
        #expect(noop.reply?.code.value == 250, "\(transcript)")
        #expect(noop.reply?.text.contains("Quota") == false, "\(transcript)")
        #expect(try RunnerHarness.step(result, 7).reply?.code.value == 221)
    }

    @Test("per-recipient [250, 250] fails naming recipient 2")
    func perRecipientExpectationFails() async throws {
        let yaml = Self.scenario(
            "Quota refusal not expected",
            message: Self.dataStep(expect: "{per-recipient: [250, 250]}")
        )
        let result = try await Self.run(yaml)
        let transcript = RunnerHarness.transcript(result)
        #expect(result.status == .failed, "\(transcript)")
        let failed = try #require(result.failedStep, "\(transcript)")
        #expect(failed.verb == .data)
        #expect(failed.recipientReplies.count == 2)
        let refused = Self.recipientMismatches(failed)
        #expect(refused.map(\.index) == [1], "\(failed.failure?.mismatches ?? [])")
        #expect(refused.first?.expected == "250")
        #expect(refused.first?.reply.code.value == 552)
        let message = failed.failure?.message ?? ""
        #expect(message.hasPrefix("recipient 2 "), "\(message)")
        #expect(message.contains(Self.full), "\(message)")
        #expect(message.contains("expected 250, got 552 5.2.2"), "\(message)")
        #expect(!message.contains("recipient 1"), "\(message)")
    }

    @Test("BDAT LAST in LMTP: one reply per recipient after the last chunk, the refusal fails the bdat step")
    func bdatRefusalFailsTheBDATStep() async throws {
        let bdat = """
              - bdat:
                  chunks:
                    - "Subject: Quota test in chunks\\r\\n\\r\\n"
                    - "hello hello hello\\r\\n"
            """
        let result = try await Self.run(Self.scenario("Quota refusal after BDAT LAST", message: bdat))
        let transcript = RunnerHarness.transcript(result)
        #expect(result.status == .failed, "\(transcript)")
        let failed = try #require(result.failedStep, "\(transcript)")
        #expect(failed.verb == .bdat, "\(transcript)")
        #expect(failed.sentLines.last?.hasSuffix(" LAST") == true)
        #expect(failed.intermediateReplies.map(\.code.value) == [250], "\(transcript)")
        #expect(failed.recipientReplies.map(\.reply.code.value) == [250, 552], "\(transcript)")
        let refusal = try #require(Self.recipientMismatches(failed).first)
        #expect(refusal.index == 1)
        #expect(refusal.reply.enhancedStatusCode?.description == "5.2.2")
        #expect(!result.steps.contains { $0.verb == .noop })

        let expected = """
                expect: {per-recipient: [250, 552]}
            """
        let passing = try await Self.run(
            Self.scenario("Quota refusal after BDAT LAST expected", message: bdat + "\n" + expected)
        )
        #expect(passing.status == .passed, "\(RunnerHarness.transcript(passing))")
        #expect(try RunnerHarness.step(passing, 6).reply?.code.value == 250)
    }
}
