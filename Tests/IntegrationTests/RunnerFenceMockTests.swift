import Foundation
import SMTPCore
import SMTPMock
import SMTPRunner
import SMTPScenario
import Testing

/// A value captured from a reply cannot inject header lines: the same scenario, compiled for real, against the
/// in-process mock, and what the mock received.
@Suite("The wire fence against the mock")
struct RunnerFenceMockTests {
    /// EHLO captured with `pattern` into `x`, then a message whose Subject is `s${x}`.
    static func scenario(capture pattern: String) -> String {
        """
        steps:
          - open: ${server}
          - ehlo: contoso.com
            capture: {x: '\(pattern)'}
          - mail-from: chris@contoso.com
          - rcpt: kate@fabrikam.com
          - data: {subject: "s${x}", body: hello}
          - quit
        """
    }

    @Test("a (?s) capture of the EHLO reply in a subject is refused; the mock receives no message")
    func multiLineCaptureRefused() async throws {
        let persona = try Persona.builtin(named: "exchange")
        let (result, received) = try await withMockServer(persona: persona) { server in
            let result = try await RunnerHarness.runOne(
                Self.scenario(capture: "(?s)(.*)"),
                vars: ["server": server.address.description]
            )
            return (result, server.receivedMessages)
        }
        #expect(result.status == .error, "\(RunnerHarness.transcript(result))")
        let failed = try #require(result.failedStep)
        #expect(failed.verb == .data)
        #expect(failed.verdict == .refused)
        guard case .refused(.fence(let violation, let what, let captures))? = failed.failure?.mismatches.first else {
            Issue.record("not a fence refusal: \(String(describing: failed.failure))")
            return
        }
        #expect(violation.slot == .headerValue && violation.kind == .lineBreak)
        #expect(what == "header 'Subject'")
        #expect(captures == ["x"])
        #expect(received.isEmpty)
        #expect(!result.transcript.contains { $0.description.hasPrefix("C: DATA") })
    }

    @Test("a one-line capture goes into the subject, and the message has no header line it did not write")
    func oneLineCapturePasses() async throws {
        let persona = try Persona.builtin(named: "exchange")
        let (result, received) = try await withMockServer(persona: persona) { server in
            let result = try await RunnerHarness.runOne(
                Self.scenario(capture: "^([^\\n]*)"),
                vars: ["server": server.address.description]
            )
            return (result, server.receivedMessages)
        }
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let message = try #require(received.first)
        let headerSection = message.text.components(separatedBy: "\r\n\r\n")[0]
        let names = headerSection.components(separatedBy: "\r\n").map { $0.split(separator: ":")[0] }
        #expect(names == ["Date", "Message-ID", "From", "To", "Subject"])
        #expect(headerSection.contains("Subject: smail1.fabrikam.com"))
    }
}
