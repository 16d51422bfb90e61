import Foundation
import SMTPCore
import SMTPDiagnosis
import SMTPReport
import SMTPRunner
import SMTPScenario

/// Results as the runner makes them, for the seed session and each way it can fail.
enum SampleResults {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)
    static let file = "inbound.smtp.yaml"
    static let rcptLine = "RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE"
    static let banner = "mail1.fabrikam.com Microsoft ESMTP MAIL Service ready"

    /// The bundled catalogue; a missing resource fails the test that asks.
    static func catalogue() throws -> ReasonsCatalogue {
        try ReasonsCatalogue.bundled()
    }

    /// A transcript line `milliseconds` after the start.
    static func entry(_ milliseconds: Int, _ direction: TranscriptEntry.Direction, _ text: String) -> TranscriptEntry {
        TranscriptEntry(
            time: start.addingTimeInterval(Double(milliseconds) / 1000),
            offset: .milliseconds(milliseconds),
            direction: direction,
            text: text
        )
    }

    /// A step that started `milliseconds` after the start and took 5ms.
    static func step(
        _ index: Int,
        _ verb: Verb,
        line: Int,
        at milliseconds: Int,
        sent: [String] = [],
        reply: Reply? = nil,
        intermediate: [Reply] = [],
        failure: StepFailure? = nil,
        expected: String = "2xx",
        peer: String? = nil,
        role: ReplyRole = .command,
        lines: Range<Int>
    ) -> StepResult {
        let patterns = (try? ExpectationSyntax.parse(expected).get()) ?? []
        let replies = patterns.compactMap { alternative -> ReplyPattern? in
            if case .reply(let pattern) = alternative { return pattern }
            return nil
        }
        return StepResult(
            index: index,
            verb: verb,
            command: verb.commandKind,
            location: SourceLocation(file: file, line: line, column: 5),
            sentLines: sent,
            reply: reply,
            replyRole: role,
            intermediateReplies: intermediate,
            verdict: failure == nil ? .passed : .failed,
            failure: failure,
            expectation: Expectation(replies: replies, source: expected),
            startedAt: start.addingTimeInterval(Double(milliseconds) / 1000),
            duration: .milliseconds(5),
            peer: peer,
            transcriptRange: lines
        )
    }

    static func result(
        _ caseName: String,
        status: CaseStatus,
        steps: [StepResult],
        transcript: [TranscriptEntry]
    ) -> ScenarioResult {
        ScenarioResult(
            file: file,
            scenarioName: "Inbound test message to Fabrikam",
            caseName: caseName,
            status: status,
            steps: steps,
            transcript: transcript,
            attempts: 1,
            startedAt: start,
            duration: .milliseconds(120)
        )
    }

    /// The seed's session up to RCPT, which gets `rcptReply`; then the polite QUIT.
    static func seedSession(rcptReply: Reply, passed: Bool) -> ScenarioResult {
        let rcptFailure =
            passed ? nil : StepFailure(.reply(rcptReply))
        let steps = [
            step(
                0,
                .open,
                line: 12,
                at: 0,
                reply: Reply(220, banner),
                expected: "220",
                peer: "127.0.0.1:2525",
                role: .greeting,
                lines: 0..<1
            ),
            step(
                1,
                .ehlo,
                line: 14,
                at: 10,
                sent: ["EHLO contoso.com"],
                reply: Reply(250, "mail1.fabrikam.com Hello"),
                lines: 1..<4
            ),
            step(
                2,
                .mailFrom,
                line: 16,
                at: 20,
                sent: ["MAIL FROM:<chris@contoso.com>"],
                reply: Reply(250, "2.1.0 Sender OK"),
                lines: 4..<6
            ),
            step(
                3,
                .rcpt,
                line: 18,
                at: 30,
                sent: [rcptLine],
                reply: rcptReply,
                failure: rcptFailure,
                lines: 6..<(7 + rcptReply.lines.count)
            ),
        ]
        var transcript = [
            entry(1, .server, "220 \(banner)"),
            entry(10, .client, "EHLO contoso.com"),
            entry(11, .server, "250-mail1.fabrikam.com Hello [127.0.0.1]"),
            entry(11, .server, "250 DSN"),
            entry(20, .client, "MAIL FROM:<chris@contoso.com>"),
            entry(21, .server, "250 2.1.0 Sender OK"),
            entry(30, .client, rcptLine),
        ]
        transcript += rcptReply.encodedLines.map { entry(32, .server, $0) }
        transcript += [
            entry(1000, .client, "QUIT"), entry(1001, .server, "221 2.0.0 Service closing transmission channel"),
        ]
        return result(
            passed ? "delivers to kate" : "kate is unknown",
            status: passed ? .passed : .failed,
            steps: steps,
            transcript: transcript
        )
    }

    static var passed: ScenarioResult {
        seedSession(rcptReply: Reply(250, "2.1.5 Recipient OK"), passed: true)
    }

    static var rcptUnknown: ScenarioResult {
        seedSession(rcptReply: Reply(550, "5.1.1 User unknown"), passed: false)
    }

    static var refused: ScenarioResult {
        let failure = StepFailure(
            .transport(.connectFailed(.refused, "connection refused by 127.0.0.1:2599"), phase: .connect)
        )
        let open = step(
            0,
            .open,
            line: 12,
            at: 0,
            failure: failure,
            expected: "220",
            peer: "127.0.0.1:2599",
            lines: 0..<2
        )
        return result(
            "server is down",
            status: .failed,
            steps: [open],
            transcript: [entry(0, .note, "connecting to 127.0.0.1:2599"), entry(2, .note, "connection refused")]
        )
    }

    static var endOfDataTimeout: ScenarioResult {
        let failure = StepFailure(.transport(.timedOut(.seconds(5)), phase: .data))
        let steps = [
            step(0, .open, line: 12, at: 0, reply: Reply(220, banner), expected: "220", role: .greeting, lines: 0..<1),
            step(
                1,
                .data,
                line: 22,
                at: 10,
                sent: ["DATA"],
                intermediate: [Reply(354, "Start mail input; end with <CRLF>.<CRLF>")],
                failure: failure,
                expected: "250",
                role: .endOfData,
                lines: 1..<6
            ),
        ]
        return result(
            "message never accepted",
            status: .failed,
            steps: steps,
            transcript: [
                entry(1, .server, "220 \(banner)"),
                entry(10, .client, "DATA"),
                entry(11, .server, "354 Start mail input; end with <CRLF>.<CRLF>"),
                entry(12, .client, "Subject: Test from Contoso"),
                entry(12, .client, "."),
                entry(14, .note, "no complete reply within 5s"),
            ]
        )
    }

    static var protocolDefect: ScenarioResult {
        let failure = StepFailure(
            .transport(.defect(.malformedReplyLine("HELLO there, not a reply")), phase: .command)
        )
        let steps = [
            step(0, .open, line: 12, at: 0, reply: Reply(220, banner), expected: "220", role: .greeting, lines: 0..<1),
            step(1, .ehlo, line: 14, at: 10, sent: ["EHLO contoso.com"], failure: failure, lines: 1..<2),
        ]
        return result(
            "server speaks garbage",
            status: .failed,
            steps: steps,
            transcript: [entry(1, .server, "220 \(banner)"), entry(10, .client, "EHLO contoso.com")]
        )
    }

    static var refusedByRunner: ScenarioResult {
        var auth = step(
            1,
            .auth,
            line: 20,
            at: 10,
            failure: StepFailure(.refused(.plaintextAuth)),
            lines: 1..<2
        )
        auth.verdict = .refused
        return result(
            "auth without TLS",
            status: .error,
            steps: [
                step(
                    0,
                    .open,
                    line: 12,
                    at: 0,
                    reply: Reply(220, banner),
                    expected: "220",
                    role: .greeting,
                    lines: 0..<1
                ),
                auth,
            ],
            transcript: [entry(1, .server, "220 \(banner)"), entry(5, .note, "refused to play auth")]
        )
    }

    /// Every sample, for reports that should hold each kind of outcome.
    static var all: [ScenarioResult] {
        [passed, rcptUnknown, refused, endOfDataTimeout, protocolDefect, refusedByRunner]
    }

    /// A scenario file that does not compile, with its diagnostic at line:col.
    static var invalidFile: InvalidFile {
        let source = SourceFile(path: "broken.smtp.yaml", text: "name: Broken\nsteps:\n  - rcpt-to: kate@x\n")
        let diagnostic = Diagnostic(
            message: "unknown verb 'rcpt-to'",
            location: SourceLocation(file: "broken.smtp.yaml", line: 3, column: 5),
            note: "did you mean 'rcpt'?",
            span: 7
        )
        return InvalidFile(path: "broken.smtp.yaml", diagnostics: [diagnostic], source: source)
    }

    static func report(
        _ results: [ScenarioResult],
        invalidFiles: [InvalidFile] = [],
        secrets: [String] = []
    ) throws -> RunReport {
        RunReport(
            results: results,
            invalidFiles: invalidFiles,
            startedAt: start,
            duration: .milliseconds(900),
            catalogue: try catalogue(),
            secrets: secrets
        )
    }
}
