import Foundation
import SMTPCore
import SMTPDiagnosis
import SMTPRunner

/// Renders a run as JUnit XML: one `<testsuite>` per scenario file and one `<testcase>` per case. A reply the
/// expectation did not accept is a `<failure>`; a transport or runtime error (refused connection, timeout, TLS,
/// protocol defect, a step the runner refused) is an `<error>`; the case's transcript goes in `<system-out>`.
/// A file that did not compile is a testsuite with one `<error>` testcase holding its diagnostics.
public enum JUnitReporter {
    /// The JUnit XML document for `report`.
    public static func render(_ report: RunReport) -> String {
        var xml = XMLWriter()
        let summary = report.summary
        let invalid = report.invalidFiles.count
        xml.open(
            "testsuites",
            [
                ("name", "smtpspec"), ("tests", "\(summary.total + invalid)"), ("failures", "\(summary.failed)"),
                ("errors", "\(summary.errors + invalid)"), ("skipped", "0"), ("time", seconds(report.duration)),
                ("timestamp", JSONReportDocument.timestamp(report.startedAt)),
            ]
        )
        for file in report.invalidFiles { invalidSuite(file, report: report, into: &xml) }
        for (file, cases) in report.casesByFile { suite(file, cases, into: &xml) }
        xml.close("testsuites")
        return report.mask.applyToRendered(xml.text)
    }

    private static func suite(_ file: String, _ cases: [ReportedCase], into xml: inout XMLWriter) {
        let results = cases.map(\.result)
        let summary = RunSummary(results)
        let time = results.reduce(Duration.zero) { $0 + $1.duration }
        xml.open(
            "testsuite",
            [
                ("name", file), ("tests", "\(summary.total)"), ("failures", "\(summary.failed)"),
                ("errors", "\(summary.errors)"), ("skipped", "0"), ("time", seconds(time)),
                ("timestamp", JSONReportDocument.timestamp(results.map(\.startedAt).min() ?? Date())),
                ("file", file),
            ]
        )
        for reported in cases { testcase(reported, into: &xml) }
        xml.close("testsuite")
    }

    private static func testcase(_ reported: ReportedCase, into xml: inout XMLWriter) {
        let result = reported.result
        var attributes = [
            ("name", result.caseName), ("classname", result.file), ("time", seconds(result.duration)),
            ("file", result.file),
        ]
        if let line = reported.explanation?.location.line ?? result.steps.first?.location.line {
            attributes.append(("line", "\(line)"))
        }
        xml.open("testcase", attributes)
        if result.status != .passed {
            if let explanation = reported.explanation {
                let isError = result.status == .error || explanation.isError
                xml.element(
                    isError ? "error" : "failure",
                    [
                        (
                            "message",
                            "\(explanation.heading): \(explanation.summary)"
                        ),
                        ("type", explanation.failure.kind.name),
                    ],
                    text: explanation.plainText(status: result.status, includeTranscript: false)
                )
            } else {
                xml.element(
                    result.status == .error ? "error" : "failure",
                    [("message", "\(result.status.rawValue) with no failing step recorded"), ("type", "unknown")],
                    text: ""
                )
            }
        }
        xml.element("system-out", text: result.transcript.map(\.description).joined(separator: "\n"))
        xml.close("testcase")
    }

    private static func invalidSuite(_ file: InvalidFile, report: RunReport, into xml: inout XMLWriter) {
        xml.open(
            "testsuite",
            [
                ("name", file.path), ("tests", "1"), ("failures", "0"), ("errors", "1"), ("skipped", "0"),
                ("time", "0"), ("timestamp", JSONReportDocument.timestamp(report.startedAt)), ("file", file.path),
            ]
        )
        xml.open("testcase", [("name", "compile"), ("classname", file.path), ("time", "0"), ("file", file.path)])
        let first = file.diagnostics.first.map(\.description) ?? "the file did not compile"
        xml.element("error", [("message", first), ("type", "invalid-input")], text: file.renderedDiagnostics)
        xml.close("testcase")
        xml.close("testsuite")
    }

    /// Seconds with millisecond precision: `0.042`.
    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", max(0, duration.secondsValue))
    }
}
