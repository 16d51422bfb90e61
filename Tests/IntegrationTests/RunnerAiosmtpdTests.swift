import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// The runner against the real aiosmtpd 1.4 (Debian `python3-aiosmtpd`) on 127.0.0.1:8025, which offers only
/// 8BITMIME and HELP, rejects DSN parameters with 555, and accepts every recipient.
@Suite("Runner against aiosmtpd", .enabled(if: PeerEnvironment.peersAvailable))
struct RunnerAiosmtpdTests {
    @Test("the seed walkthrough without NOTIFY passes")
    func seedWalkthroughPasses() async throws {
        let aiosmtpd = try PeerEnvironment.requirePeer(.aiosmtpd)
        let yaml = """
            name: Seed walkthrough on aiosmtpd
            steps:
              - open: ${server}
                expect:
                  reply: 220
                  text: Python SMTP
              - ehlo: contoso.com
                expect:
                  reply: 250
                  capabilities: [8BITMIME]
                  lacks: [PIPELINING, DSN]
              - mail-from: chris@contoso.com
                expect: 250
              - rcpt: kate@fabrikam.com
                expect: 250
              - data:
                  subject: Test from Contoso
                  body: This is a test message
                expect: 250
              - quit:
                expect: 221
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(aiosmtpd)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(result.steps.count == 6)
        #expect(result.steps.last?.reply?.code.value == 221)
    }

    @Test("NOTIFY gets 555 from aiosmtpd, and a scenario expecting 555 passes")
    func notifyRejectedWith555() async throws {
        let aiosmtpd = try PeerEnvironment.requirePeer(.aiosmtpd)
        let yaml = """
            name: DSN on aiosmtpd
            steps:
              - open: ${server}
              - ehlo: contoso.com
              - mail-from: chris@contoso.com
              - rcpt: kate@fabrikam.com
                notify: [success, failure]
                expect: 555
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(aiosmtpd)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(try RunnerHarness.step(result, 3).reply?.code.value == 555)
    }

    @Test("a pipeline is refused locally when the server did not advertise PIPELINING; nothing is sent")
    func pipelineRefusedWithoutPipelining() async throws {
        let aiosmtpd = try PeerEnvironment.requirePeer(.aiosmtpd)
        let yaml = """
            name: Pipeline without PIPELINING
            steps:
              - open: ${server}
              - ehlo: contoso.com
              - pipeline:
                  - mail-from: chris@contoso.com
                  - rcpt: kate@fabrikam.com
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(aiosmtpd)])
        #expect(result.status == .error)
        let refused = try #require(result.failedStep)
        #expect(refused.verb == .pipeline)
        #expect(refused.failure?.kind == .localRefusal)
        #expect(!result.transcript.contains { $0.description.hasPrefix("C: MAIL") })
    }

    @Test("a forced pipeline is sent anyway and its replies are matched in order")
    func forcedPipeline() async throws {
        let aiosmtpd = try PeerEnvironment.requirePeer(.aiosmtpd)
        let yaml = """
            name: Forced pipeline
            steps:
              - open: ${server}
              - ehlo: contoso.com
              - pipeline:
                  - mail-from: chris@contoso.com
                  - rcpt: kate@fabrikam.com
                force: true
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(aiosmtpd)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(try RunnerHarness.step(result, 2).substeps.map { $0.reply?.code.value } == [250, 250])
    }
}
