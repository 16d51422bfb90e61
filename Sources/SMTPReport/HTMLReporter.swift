import Foundation
import SMTPCore
import SMTPDiagnosis
import SMTPRunner

/// Renders a run as one self-contained HTML page (no network resources; also well-formed XML): the summary,
/// filters by status and by text (inline script), each file that did not compile, and each case with its
/// failure report and an inline SVG sequence diagram of its exchange, the failing step drawn in red with its
/// possible reasons.
public enum HTMLReporter {
    /// The page's title unless one is given.
    public static let defaultTitle = "smtpspec report"

    /// The HTML page for `report`.
    public static func render(_ report: RunReport, title: String = defaultTitle) -> String {
        var writer = Writer(title: title)
        return report.rendered(with: &writer)
    }

    /// Writes the page a case at a time: the summary and filters first (from the context's counts), then a
    /// section per case.
    struct Writer: ReportWriter {
        var title: String

        mutating func begin(_ context: ReportContext) -> String {
            let summary = context.summary
            let failedCount = summary.failed + summary.errors
            var html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>\(Markup.escaped(title))</title>
                <style>/*<![CDATA[*/
                \(HTMLAssets.style)
                /*]]>*/</style>
                </head>
                <body>
                <h1>\(Markup.escaped(title))</h1>
                <p class="summary"><span class="passed">\(summary.passed) passed</span>, \
                <span class="failed">\(failedCount) failed</span>\(context.skipped > 0 ? ", \(context.skipped) skipped" : "") · \
                \(context.shardLabel.map { Markup.escaped($0) + " of the suite · " } ?? "")\
                started \(JSONReportDocument.timestamp(context.startedAt)) · took \(context.duration.shortText)</p>
                <div class="filters">
                <button type="button" data-filter="all" class="active">All (\(summary.total))</button>
                <button type="button" data-filter="passed">Passed (\(summary.passed))</button>
                <button type="button" data-filter="failed">Failed (\(failedCount))</button>
                <input id="filter-text" type="search" placeholder="Filter by name, file or reply" \
                aria-label="Filter cases"/>
                </div>

                """
            for file in context.invalidFiles {
                html += "<div class=\"invalid\"><h3>Does not compile: \(Markup.escaped(file.path))</h3>"
                html += "<pre>\(Markup.escaped(file.renderedDiagnostics))</pre></div>\n"
            }
            return html + "<div id=\"cases\">\n"
        }

        mutating func write(_ record: JSONCaseRecord, _ context: ReportContext) -> String {
            caseSection(record)
        }

        mutating func end(_ context: ReportContext) -> String {
            "</div>\n<p id=\"none\" hidden=\"hidden\">No case matches the filter.</p>\n"
                + "<script>/*<![CDATA[*/\n\(HTMLAssets.script)\n/*]]>*/</script>\n</body>\n</html>\n"
        }
    }

    /// One case: a collapsible section (open when it failed) with its failure and its sequence diagram.
    static func caseSection(_ record: JSONCaseRecord) -> String {
        let passed = record.caseStatus == .passed
        let status = passed ? "passed" : "failed"
        var search = [record.name, record.file, record.scenario, record.status]
        if let failure = record.failure {
            search += [failure.heading, failure.summary, failure.meaning]
        }
        var out = "<div class=\"case \(status)\" data-status=\"\(status)\" "
        out += "data-search=\"\(Markup.escaped(search.joined(separator: " ").lowercased()))\">\n"
        out += passed ? "<details>" : "<details open=\"open\">"
        out += "<summary><span class=\"mark\">\(passed ? "✓" : "✗")</span> \(Markup.escaped(record.name))"
        out += "<span class=\"file\">\(Markup.escaped(record.file))</span>"
        out += "<span class=\"duration\">"
        out += "\(JSONReportDocument.duration(milliseconds: record.durationMs).shortText)</span></summary>\n"
        if let failure = record.failure {
            out += failureSection(failure, status: record.caseStatus)
        }
        out += "<div class=\"diagram\">\n"
        out += SequenceDiagram(transcript: record.transcript, failure: record.failure).svg
        out += "\n</div>\n</details>\n</div>\n"
        return out
    }

    /// The failure report as HTML: heading, expected, got, meaning, reasons, what to check.
    static func failureSection(_ failure: JSONFailureRecord, status: CaseStatus) -> String {
        let word = status == .error ? "ERROR" : "FAIL"
        var out = "<div class=\"failure\">\n<h3>\(word) \(Markup.escaped(failure.heading))</h3>\n<table>\n"
        let rows =
            [("expected", failure.expected), ("got", failure.got.joined(separator: "\n"))]
            + failure.mismatches.filter { $0.listed ?? true }.map { ("mismatch", $0.summary) }
            + failure.notes.map { ("note", $0) } + [("meaning", failure.meaning)]
        for (label, value) in rows {
            out += "<tr><th>\(label)</th><td><pre>\(Markup.escaped(value))</pre></td></tr>\n"
        }
        out += "</table>\n<h4>Possible reasons</h4>\n<ul>\n"
        let reasons =
            failure.reasons.isEmpty ? ["none in the catalogue for this step and reply"] : failure.reasons
        for reason in reasons { out += "<li>\(Markup.escaped(reason))</li>\n" }
        out += "</ul>\n"
        if !failure.hints.isEmpty {
            out += "<h4>What to check</h4>\n<ul>\n"
            for hint in failure.hints { out += "<li>\(Markup.escaped(hint))</li>\n" }
            out += "</ul>\n"
        }
        out += "</div>\n"
        return out
    }
}
