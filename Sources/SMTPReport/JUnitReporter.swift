import Foundation
import SMTPCore
import SMTPRunner
import SMTPYAML

/// Renders a run as JUnit XML: one `<testsuite>` per scenario file and one `<testcase>` per case. A reply the
/// expectation did not accept is a `<failure>`; a transport or runtime error (refused connection, timeout, TLS,
/// protocol defect, a step the runner refused) is an `<error>`; the case's transcript goes in `<system-out>`.
/// A file that did not compile is a testsuite with one `<error>` testcase holding its diagnostics.
public enum JUnitReporter {
    /// The JUnit XML document for `report`.
    public static func render(_ report: RunReport) -> String {
        report.rendered(as: .junit)
    }

    /// Writes the document a case at a time: a file's `<testsuite>` opens at its first case, with the counts the
    /// context holds for it.
    struct Writer: ReportWriter {
        private var currentFile: String?

        mutating func begin(_ context: ReportContext) -> String {
            var xml = XMLWriter()
            let summary = context.summary
            let invalid = context.invalidFiles.count
            xml.open(
                "testsuites",
                [
                    ("name", context.shardLabel.map { "smtpspec \($0)" } ?? "smtpspec"),
                    ("tests", "\(summary.total + invalid)"), ("failures", "\(summary.failed)"),
                    ("errors", "\(summary.errors + invalid)"), ("skipped", "\(context.skipped)"),
                    ("time", seconds(context.duration)),
                    ("timestamp", JSONReportDocument.timestamp(context.startedAt)),
                ]
            )
            for file in context.invalidFiles { invalidSuite(file, context: context, into: &xml) }
            return xml.text
        }

        mutating func write(_ record: JSONCaseRecord, _ context: ReportContext) -> String {
            write(testcase: JUnitReporter.testcase(record), file: record.file, context)
        }

        /// The `<testcase>` the spool rendered as the case ended, when it did: the case is not decoded.
        mutating func write(_ spooled: SpooledCase, _ context: ReportContext) throws -> String {
            if let junit = spooled.junit { return write(testcase: junit.testcase, file: junit.file, context) }
            return write(try spooled.record(), context)
        }

        /// A case's `<testcase>` element, after the `<testsuite>` of its file when it is the file's first case.
        private mutating func write(testcase: String, file: String, _ context: ReportContext) -> String {
            var xml = XMLWriter(depth: currentFile == nil ? 1 : 2)
            if currentFile != file {
                if currentFile != nil { xml.close("testsuite") }
                currentFile = file
                let totals = context.files[file] ?? FileTotals()
                let counts = totals.summary
                let shown = context.mask.apply(file)
                xml.open(
                    "testsuite",
                    [
                        ("name", shown), ("tests", "\(counts.total)"), ("failures", "\(counts.failed)"),
                        ("errors", "\(counts.errors)"), ("skipped", "0"),
                        ("time", seconds(JSONReportDocument.duration(milliseconds: totals.milliseconds))),
                        ("timestamp", totals.firstStart ?? JSONReportDocument.timestamp(context.startedAt)),
                        ("file", shown),
                    ]
                )
            }
            return xml.text + testcase
        }

        mutating func end(_ context: ReportContext) -> String {
            var xml = XMLWriter(depth: currentFile == nil ? 1 : 2)
            if currentFile != nil { xml.close("testsuite") }
            xml.close("testsuites")
            return xml.text
        }

        private func invalidSuite(
            _ file: JSONReportDocument.InvalidFileRecord,
            context: ReportContext,
            into xml: inout XMLWriter
        ) {
            xml.open(
                "testsuite",
                [
                    ("name", file.path), ("tests", "1"), ("failures", "0"), ("errors", "1"), ("skipped", "0"),
                    ("time", "0"), ("timestamp", JSONReportDocument.timestamp(context.startedAt)),
                    ("file", file.path),
                ]
            )
            xml.open("testcase", [("name", "compile"), ("classname", file.path), ("time", "0"), ("file", file.path)])
            let first = file.diagnostics.first.map(\.description) ?? "the file did not compile"
            xml.element("error", [("message", first), ("type", "invalid-input")], text: file.renderedDiagnostics)
            xml.close("testcase")
            xml.close("testsuite")
        }
    }

    /// A case's `<testcase>` element, indented for its place in a `<testsuite>`. With a `mask`, every secret is
    /// hidden once more in each value the JSON report holds as a string (the name, the file, the failure's heading,
    /// summary, kind and text, each transcript line), never in a number or the markup: what a case's report text
    /// gets when the run spools it (see ``ReportSpool``).
    static func testcase(_ record: JSONCaseRecord, mask: SecretMask? = nil) -> String {
        func text(_ value: String) -> String { mask?.apply(value) ?? value }
        var xml = XMLWriter(depth: 2)
        var attributes = [
            ("name", text(record.name)), ("classname", text(record.file)),
            ("time", seconds(JSONReportDocument.duration(milliseconds: record.durationMs))),
            ("file", text(record.file)),
        ]
        if let line = record.failure?.location.line ?? record.steps.first?.location.line {
            attributes.append(("line", "\(line)"))
        }
        xml.open("testcase", attributes)
        if record.caseStatus != .passed {
            if let failure = record.failure {
                let isError = record.caseStatus == .error || failure.error
                xml.element(
                    isError ? "error" : "failure",
                    [("message", text(failure.heading) + ": " + text(failure.summary)), ("type", text(failure.kind))],
                    text: text(failure.text)
                )
            } else {
                xml.element(
                    record.caseStatus == .error ? "error" : "failure",
                    [("message", text("\(record.status) with no failing step recorded")), ("type", "unknown")],
                    text: ""
                )
            }
        }
        xml.element("system-out", text: record.transcript.map { text($0.line) }.joined(separator: "\n"))
        xml.close("testcase")
        return xml.text
    }

    /// Seconds with millisecond precision: `0.042`.
    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", max(0, duration.secondsValue))
    }
}
