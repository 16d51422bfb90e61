import Foundation
import SMTPDiagnosis
import SMTPMock
import SMTPReport
import SMTPRunner
import Testing

/// The seed's failures produced for real (the runner against the mock's `exchange` persona, and a loopback
/// port nothing listens on), then reported: the report carries the seed's documented reasons.
@Suite struct ReportConsumerTests {
    static let unknownRecipient = """
        name: Unknown recipient
        steps:
          - open: ${server}
            expect: 220
          - ehlo: contoso.com
          - mail-from: chris@contoso.com
          - rcpt: nobody@fabrikam.com
            notify: [success, failure]
            expect: 2xx
          - quit:
        """

    static let closedPort = """
        name: Nothing listens
        steps:
          - open: 127.0.0.1:1
            timeout: 5s
            expect: 220
        """

    @Test func aFailingRcptAgainstTheMockPrintsTheSeedReason() async throws {
        let persona = try Persona.builtin(named: "exchange")
        let result = try await withMockServer(persona: persona) { server in
            try await RunnerHarness.runOne(Self.unknownRecipient, vars: ["server": server.address.description])
        }
        #expect(result.status == .failed, "\(RunnerHarness.transcript(result))")
        let report = RunReport(
            results: [result],
            startedAt: result.startedAt,
            duration: result.duration,
            catalogue: try ReasonsCatalogue.bundled()
        )
        let explanation = try #require(report.cases.first?.explanation)
        let text = ConsoleReporter().caseLine(report.cases[0].result, explanation: explanation)
        #expect(text.contains("FAIL runner-test.smtp.yaml:7:5  rcpt TO:<nobody@fabrikam.com> NOTIFY=SUCCESS,FAILURE"))
        #expect(text.contains("  expected  2xx"))
        #expect(text.contains("  got       550 5.1.1 User unknown"))
        #expect(text.contains("  meaning   permanent failure; addressing status; bad destination mailbox"))
        #expect(text.contains("    - The specified recipient doesn't exist."))
        #expect(text.contains("    C: RCPT TO:<nobody@fabrikam.com> NOTIFY=SUCCESS,FAILURE"))
        #expect(!text.contains("\u{1B}"))
        // The transcript of the report stops at the failing reply; the polite QUIT after it is left out.
        #expect(text.hasSuffix("    S: 550 5.1.1 User unknown"), "\(text)")
    }

    @Test func aRefusedConnectionListsTheSeedsOpenReasons() async throws {
        let result = try await RunnerHarness.runOne(Self.closedPort)
        #expect(result.status == .failed, "\(RunnerHarness.transcript(result))")
        let report = RunReport(
            results: [result],
            startedAt: result.startedAt,
            duration: result.duration,
            catalogue: try ReasonsCatalogue.bundled()
        )
        let explanation = try #require(report.cases.first?.explanation)
        #expect(explanation.transportFailure == .refused)
        #expect(explanation.isError)
        let text = ConsoleReporter().caseLine(report.cases[0].result, explanation: explanation)
        for reason in [
            "The destination SMTP service is unavailable.",
            "Restrictions on the destination firewall.",
            "Restrictions on the source firewall.",
            "Incorrect FQDN or IP address for the destination SMTP server.",
            "Incorrect port number.",
        ] {
            #expect(text.contains("    - \(reason)"), "missing OPEN reason \(reason) in:\n\(text)")
        }
        let junit = JUnitReporter.render(report)
        #expect(junit.contains("<error message="))
    }
}
