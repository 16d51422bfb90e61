/// The formats of report files `smtpspec run --report FORMAT:FILE` writes.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// JUnit XML: one testsuite per file, one testcase per case.
    case junit
    /// JSON, described by `Grammar/report.schema.json`.
    case json
    /// TAP version 14.
    case tap
    /// One self-contained HTML page with sequence diagrams.
    case html

    /// Renders a report in this format.
    public func render(_ report: RunReport) -> String {
        switch self {
        case .junit: JUnitReporter.render(report)
        case .json: JSONReporter.render(report)
        case .tap: TAPReporter.render(report)
        case .html: HTMLReporter.render(report)
        }
    }
}
