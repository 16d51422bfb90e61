import Foundation
import SMTPCore
import SMTPRunner
import SMTPYAML

/// The JSON report's top level, as `Grammar/report.schema.json` describes it.
struct JSONReportDocument: Encodable {
    /// Counts of the run's cases.
    struct Summary: Encodable {
        var passed: Int
        var failed: Int
        var errors: Int
        var total: Int
    }

    /// A file that did not compile.
    struct InvalidFileRecord: Encodable {
        var path: String
        var diagnostics: [DiagnosticRecord]
    }

    /// One diagnostic of an invalid file.
    struct DiagnosticRecord: Encodable {
        var severity: String
        var message: String
        var location: JSONLocation?
        var note: String?
        var span: Int
        var rendered: String
    }

    var format = "smtpspec-report"
    var formatVersion = 2
    var startedAt: String
    var durationMs: Double
    var summary: Summary
    var invalidFiles: [InvalidFileRecord]
    var cases: [JSONCaseRecord]

    /// The document for a report.
    init(_ report: RunReport) {
        startedAt = JSONReportDocument.timestamp(report.startedAt)
        durationMs = JSONReportDocument.milliseconds(report.duration)
        let counts = report.summary
        summary = Summary(passed: counts.passed, failed: counts.failed, errors: counts.errors, total: counts.total)
        invalidFiles = report.invalidFiles.map { file in
            InvalidFileRecord(
                path: file.path,
                diagnostics: file.diagnostics.map { diagnostic in
                    DiagnosticRecord(
                        severity: diagnostic.severity.rawValue,
                        message: diagnostic.message,
                        location: diagnostic.location.map(JSONLocation.init),
                        note: diagnostic.note,
                        span: diagnostic.span,
                        rendered: diagnostic.rendered(source: file.source, mask: file.mask)
                    )
                }
            )
        }
        cases = report.cases.map(JSONCaseRecord.init)
    }

    /// `2026-11-29T05:00:00.123Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Milliseconds, rounded to microseconds.
    static func milliseconds(_ duration: Duration) -> Double {
        (duration.milliseconds * 1000).rounded() / 1000
    }
}
