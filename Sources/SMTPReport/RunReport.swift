import Foundation
import SMTPDiagnosis
import SMTPRunner
import SMTPYAML

/// Everything a run produced, as every reporter renders it: the cases with their results and failure
/// explanations, the files that did not compile, when the run started and how long it took.
///
/// Secrets given to ``init(results:invalidFiles:startedAt:duration:catalogue:secrets:)`` are masked in the
/// stored results, and again in every rendered report (the runner masks them already; this is the final
/// defence).
public struct RunReport: Sendable {
    /// Every case run, in order, each with its failure explanation.
    public var cases: [ReportedCase]
    /// Files that failed to compile; nothing of them was sent.
    public var invalidFiles: [InvalidFile]
    /// When the run started.
    public var startedAt: Date
    /// How long the whole run took.
    public var duration: Duration
    /// The secret values masked in every rendered output.
    let mask: SecretMask

    /// Creates a report, explaining every failed case once with `catalogue`.
    ///
    /// - Parameters:
    ///   - results: the cases run, in the order they should be reported.
    ///   - invalidFiles: files that did not compile.
    ///   - startedAt: when the run started.
    ///   - duration: how long the run took.
    ///   - catalogue: the reasons catalogue (bundled, or merged with `--reasons FILE`).
    ///   - secrets: every secret value of the plans run (`SessionPlan.secrets`): passwords and `${env:…}`
    ///     values; each is shown as `******` wherever it would appear.
    public init(
        results: [ScenarioResult],
        invalidFiles: [InvalidFile] = [],
        startedAt: Date,
        duration: Duration,
        catalogue: ReasonsCatalogue,
        secrets: [String] = []
    ) {
        let mask = SecretMask(secrets)
        self.mask = mask
        self.cases = results.map { ReportedCase(result: $0, catalogue: catalogue, secrets: secrets) }
        self.invalidFiles = invalidFiles.map { $0.masked(by: mask) }
        self.startedAt = startedAt
        self.duration = duration
    }

    /// Every case's result, in order.
    public var results: [ScenarioResult] { cases.map(\.result) }

    /// The counts of passed, failed and error cases.
    public var summary: RunSummary { RunSummary(results) }

    /// `text` with every secret of the report shown as `******`.
    public func redact(_ text: String) -> String {
        mask.apply(text)
    }

    /// The report rendered in `format`.
    func rendered(as format: ReportFormat) -> String {
        var writer = format.makeWriter()
        return rendered(with: &writer)
    }

    /// The report rendered by `writer`. Cases are grouped by file (files in order of first appearance), as a
    /// suite plays them.
    func rendered(with writer: inout some ReportWriter) -> String {
        var order: [String] = []
        var groups: [String: [JSONCaseRecord]] = [:]
        var tally = CaseTally()
        for (index, reported) in cases.enumerated() {
            let record = JSONCaseRecord(reported, index: index)
            if groups[record.file] == nil { order.append(record.file) }
            groups[record.file, default: []].append(record)
            tally.add(record)
        }
        let context = ReportContext(
            startedAt: startedAt,
            duration: duration,
            summary: tally.summary,
            skipped: 0,
            files: tally.files,
            invalidFiles: invalidFiles.map(JSONReportDocument.record),
            identity: nil,
            mergedShards: nil,
            mask: mask
        )
        return ReportAssembler.render(context, records: order.flatMap { groups[$0] ?? [] }, with: &writer)
    }
}
