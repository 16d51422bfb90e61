import SMTPCore
import SMTPReport
import SMTPRunner
import Testing

@Suite struct ConsoleReporterTests {
    let plain = ConsoleReporter(style: ConsoleStyle(color: false, verbosity: .normal))

    @Test func failedRcptPrintsTheDesignBlockWithTheSeedReason() throws {
        let report = try SampleResults.report([SampleResults.rcptUnknown])
        let reported = try #require(report.cases.first)
        let text = plain.caseLine(reported.result, explanation: reported.explanation)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("✗ kate is unknown (120ms)") == true)
        #expect(lines.contains("FAIL inbound.smtp.yaml:18:5  rcpt TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE"))
        #expect(lines.contains("  expected  2xx"))
        #expect(lines.contains("  got       550 5.1.1 User unknown"))
        #expect(lines.contains("  meaning   permanent failure; addressing status; bad destination mailbox"))
        #expect(lines.contains("  possible reasons"))
        #expect(lines.contains("    - The specified recipient doesn't exist."))
        #expect(lines.contains("  transcript"))
        #expect(lines.contains("    S: 220 \(SampleResults.banner)"))
        #expect(lines.contains("    C: \(SampleResults.rcptLine)"))
        #expect(lines.contains("    S: 550 5.1.1 User unknown"))
        // The transcript stops at the failure: the polite QUIT after it is not part of the report.
        #expect(!lines.contains("    C: QUIT"))
        // The blocks come in DESIGN.md's order.
        let order = ["FAIL ", "  expected", "  got", "  meaning", "  possible reasons", "  transcript"].map { label in
            lines.firstIndex { $0.hasPrefix(label) } ?? -1
        }
        #expect(order == order.sorted() && !order.contains(-1))
    }

    @Test func refusedConnectionListsTheSeedsFiveOpenReasons() throws {
        let report = try SampleResults.report([SampleResults.refused])
        let reported = try #require(report.cases.first)
        let text = plain.caseLine(reported.result, explanation: reported.explanation)
        #expect(text.contains("FAIL inbound.smtp.yaml:12:5  open 127.0.0.1:2599"))
        #expect(text.contains("  got       connection refused by 127.0.0.1:2599"))
        for reason in [
            "The destination SMTP service is unavailable.",
            "Restrictions on the destination firewall.",
            "Restrictions on the source firewall.",
            "Incorrect FQDN or IP address for the destination SMTP server.",
            "Incorrect port number.",
        ] {
            #expect(text.contains("    - \(reason)"), "missing OPEN reason: \(reason)")
        }
    }

    @Test func timeoutAfterTheMessageIsExplainedAsEndOfData() throws {
        let report = try SampleResults.report([SampleResults.endOfDataTimeout])
        let explanation = try #require(report.cases.first?.explanation)
        #expect(explanation.diagnosisStep == .endOfData)
        #expect(explanation.transportFailure == .timeout)
        #expect(explanation.isError)
        #expect(explanation.got == ["no reply to the end of data within 5s (the step's timeout)"])
        #expect(!explanation.reasons.isEmpty)
        let text = plain.caseLine(report.cases[0].result, explanation: explanation)
        #expect(text.contains("FAIL inbound.smtp.yaml:22:5  data"))
        #expect(text.contains("within 5s"))
    }

    @Test func protocolDefectQuotesWhatTheServerSent() throws {
        let report = try SampleResults.report([SampleResults.protocolDefect])
        let explanation = try #require(report.cases.first?.explanation)
        #expect(explanation.transportFailure == .protocolDefect)
        #expect(explanation.got.count == 1)
        #expect(explanation.got[0].contains("\"HELLO there, not a reply\""))
        let text = plain.caseLine(report.cases[0].result, explanation: explanation)
        #expect(text.contains("HELLO there, not a reply"))
        #expect(text.contains("FAIL inbound.smtp.yaml:14:5  ehlo contoso.com"))
    }

    @Test func aStepTheRunnerRefusedIsAnError() throws {
        let report = try SampleResults.report([SampleResults.refusedByRunner])
        let reported = try #require(report.cases.first)
        let text = plain.caseLine(reported.result, explanation: reported.explanation)
        #expect(text.contains("ERROR inbound.smtp.yaml:20:5  auth"))
        #expect(text.contains("nothing was sent"))
    }

    @Test func passedCaseIsOneLine() throws {
        let result = SampleResults.passed
        #expect(plain.caseLine(result, explanation: nil) == "✓ delivers to kate (120ms)")
        let quiet = ConsoleReporter(style: ConsoleStyle(color: false, verbosity: .quiet))
        #expect(quiet.caseLine(result, explanation: nil).isEmpty)
    }

    @Test func verboseShowsEveryTranscript() throws {
        let verbose = ConsoleReporter(style: ConsoleStyle(color: false, verbosity: .verbose))
        let text = verbose.caseLine(SampleResults.passed, explanation: nil)
        #expect(text.contains("    C: \(SampleResults.rcptLine)"))
        #expect(text.contains("    S: 221 2.0.0 Service closing transmission channel"))
    }

    @Test func quietFailureKeepsHeadingExpectedAndGot() throws {
        let report = try SampleResults.report([SampleResults.rcptUnknown])
        let quiet = ConsoleReporter(style: ConsoleStyle(color: false, verbosity: .quiet))
        let text = quiet.caseLine(report.cases[0].result, explanation: report.cases[0].explanation)
        #expect(text.contains("FAIL inbound.smtp.yaml:18:5"))
        #expect(text.contains("  got       550 5.1.1 User unknown"))
        #expect(!text.contains("transcript"))
    }

    @Test func summaryLineHasTheExactShape() throws {
        let report = try SampleResults.report(SampleResults.all)
        // One passed; four failed; one could not be played, which counts as failed.
        #expect(plain.summaryLine(report.summary) == "1 passed, 5 failed")
        let rendered = plain.render(report)
        #expect(rendered.split(separator: "\n").last == "1 passed, 5 failed")
    }

    @Test func noColorMeansNoEscapeCodes() throws {
        #expect(!ConsoleStyle.colorAllowed(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!ConsoleStyle.colorAllowed(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ConsoleStyle.colorAllowed(isTerminal: false, environment: [:]))
        #expect(ConsoleStyle.colorAllowed(isTerminal: true, environment: [:]))
        let report = try SampleResults.report(SampleResults.all)
        let noColor = plain.render(report) + plain.progressLine(done: 1, total: 6, current: "kate is unknown")
        #expect(!noColor.contains("\u{1B}"))
        let colored = ConsoleReporter(style: ConsoleStyle(color: true, verbosity: .normal))
        #expect(colored.render(report).contains("\u{1B}["))
    }

    @Test func progressLineNamesTheCaseAndFitsALine() {
        #expect(plain.progressLine(done: 3, total: 10, current: "kate is unknown") == "[3/10] kate is unknown")
        let long = plain.progressLine(done: 1, total: 2, current: String(repeating: "x", count: 300))
        #expect(long.count == 100)
    }

    @Test func aServersControlCharactersAreShownEscaped() throws {
        // A hostile server's reply with a terminal escape sequence (clear the screen) and a bell.
        let result = SampleResults.seedSession(rcptReply: Reply(550, "5.1.1 \u{1B}[2J gone\u{7}X"), passed: false)
        let report = try SampleResults.report([result])
        let text = plain.caseLine(report.cases[0].result, explanation: report.cases[0].explanation)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{7}"))
        #expect(text.contains("got       550 5.1.1 \\u{1B}[2J gone\\u{7}X"), "\(text)")
    }
}
