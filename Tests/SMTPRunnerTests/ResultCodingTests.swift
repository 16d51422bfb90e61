import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// Results are data: they survive a JSON round trip, and the summary counts them.
@Suite("Results as data")
struct ResultCodingTests {
    private func sample(status: CaseStatus) -> ScenarioResult {
        let step = StepResult(
            index: 3,
            verb: .rcpt,
            location: SourceLocation(file: "inbound.smtp.yaml", line: 18, column: 5),
            sentLines: ["RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE"],
            reply: Reply(code: .mailboxUnavailable, lines: ["5.1.1 User unknown"]),
            verdict: .failed,
            failure: StepFailure(kind: .timeout(limit: .seconds(300)), message: "no reply"),
            expected: "2xx",
            startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            duration: .milliseconds(12),
            captured: ["id": "x"]
        )
        return ScenarioResult(
            file: "inbound.smtp.yaml",
            scenarioName: "Inbound",
            caseName: "Inbound",
            status: status,
            steps: [step],
            transcript: [
                TranscriptEntry(
                    time: Date(timeIntervalSince1970: 1_800_000_000),
                    offset: .zero,
                    direction: .server,
                    text: "220 hi"
                )
            ],
            attempts: 1,
            startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            duration: .seconds(1)
        )
    }

    @Test("a result encodes to JSON and decodes to the same value")
    func roundTrip() throws {
        let original = sample(status: .failed)
        let decoded = try JSONDecoder().decode(ScenarioResult.self, from: try JSONEncoder().encode(original))
        #expect(decoded == original)
        #expect(decoded.failedStep?.reply?.enhancedStatusCode?.description == "5.1.1")
    }

    @Test("the summary counts passed, failed and errors")
    func summary() {
        let summary = RunSummary([sample(status: .passed), sample(status: .failed), sample(status: .passed)])
        #expect(summary.description == "2 passed, 1 failed")
        #expect(!summary.allPassed)
        #expect(RunSummary([sample(status: .error)]).description == "0 passed, 0 failed, 1 error")
    }

    @Test("transcript lines render with their direction")
    func transcriptLines() {
        let time = Date()
        #expect(TranscriptEntry(time: time, offset: .zero, direction: .client, text: "QUIT").description == "C: QUIT")
        #expect(
            TranscriptEntry(time: time, offset: .zero, direction: .note, text: "connected").description == "* connected"
        )
    }
}
