import Foundation
import SMTPCore
import SMTPRunner
import SMTPYAML

/// The JSON report's top level, as `Grammar/report.schema.json` describes it: written around the cases by
/// ``JSONReporter``, read back whole by `smtpspec merge`.
struct JSONReportDocument: Codable {
    /// Counts of the run's cases.
    struct Summary: Codable {
        var passed: Int
        var failed: Int
        var errors: Int
        var total: Int
        /// Cases never started (`--fail-fast`).
        var skipped: Int
    }

    /// A file that did not compile.
    struct InvalidFileRecord: Codable {
        var path: String
        var diagnostics: [DiagnosticRecord]

        /// The diagnostics rendered with their source lines, one after another.
        var renderedDiagnostics: String {
            diagnostics.map(\.rendered).joined()
        }
    }

    /// One diagnostic of an invalid file.
    struct DiagnosticRecord: Codable {
        var severity: String
        var message: String
        var location: JSONLocation?
        var note: String?
        var span: Int
        var rendered: String

        /// `file:line:col: error: message`, as ``Diagnostic/description`` shows it.
        var description: String {
            let shown = WireFence.escaped(message)
            guard let location else { return "\(severity): \(shown)" }
            return "\(location.file):\(location.line):\(location.column): \(severity): \(shown)"
        }
    }

    /// The suite a run belongs to, for merging shards.
    struct SuiteRecord: Codable {
        var fingerprint: String
        var cases: Int
    }

    var format = "smtpspec-report"
    var formatVersion = JSONReportDocument.currentVersion
    var startedAt: String
    var durationMs: Double
    var summary: Summary
    var invalidFiles: [InvalidFileRecord]
    var shard: ShardSelection?
    var suite: SuiteRecord?
    var mergedShards: Int?
    /// The cases; `nil` in the envelope the writer puts around the cases it streams.
    var cases: [JSONCaseRecord]?

    /// The version this build writes and reads.
    static let currentVersion = 3

    /// Everything but the cases, for a report's context.
    init(_ context: ReportContext) {
        startedAt = JSONReportDocument.timestamp(context.startedAt)
        durationMs = JSONReportDocument.milliseconds(context.duration)
        let counts = context.summary
        summary = Summary(
            passed: counts.passed,
            failed: counts.failed,
            errors: counts.errors,
            total: counts.total,
            skipped: context.skipped
        )
        invalidFiles = context.invalidFiles
        shard = context.identity?.shard
        suite = context.identity.map { SuiteRecord(fingerprint: $0.fingerprint, cases: $0.cases) }
        mergedShards = context.mergedShards
        cases = nil
    }

    /// The record of a file that did not compile.
    static func record(_ file: InvalidFile) -> InvalidFileRecord {
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

    /// `2026-11-29T05:00:00.123Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Milliseconds, rounded to microseconds.
    static func milliseconds(_ duration: Duration) -> Double {
        (duration.milliseconds * 1000).rounded() / 1000
    }

    /// A duration of `milliseconds`.
    static func duration(milliseconds: Double) -> Duration {
        .nanoseconds(Int64((milliseconds * 1_000_000).rounded()))
    }
}
