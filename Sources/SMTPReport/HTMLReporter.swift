import Foundation
import SMTPCore
import SMTPDiagnosis
import SMTPRunner

/// Renders a run as one self-contained HTML page (no network resources; also well-formed XML): the summary,
/// filters by status and by text (inline script), each file that did not compile, and each case with its
/// failure report and an inline SVG sequence diagram of its exchange, the failing step drawn in red with its
/// possible reasons.
public enum HTMLReporter {
    /// The HTML page for `report`.
    public static func render(_ report: RunReport, title: String = "smtpspec report") -> String {
        let summary = report.summary
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
            <span class="failed">\(failedCount) failed</span> · started \
            \(JSONReportDocument.timestamp(report.startedAt)) · took \(report.duration.shortText)</p>
            <div class="filters">
            <button type="button" data-filter="all" class="active">All (\(summary.total))</button>
            <button type="button" data-filter="passed">Passed (\(summary.passed))</button>
            <button type="button" data-filter="failed">Failed (\(failedCount))</button>
            <input id="filter-text" type="search" placeholder="Filter by name, file or reply" \
            aria-label="Filter cases"/>
            </div>

            """
        for file in report.invalidFiles {
            html += "<div class=\"invalid\"><h3>Does not compile: \(Markup.escaped(file.path))</h3>"
            html += "<pre>\(Markup.escaped(file.renderedDiagnostics))</pre></div>\n"
        }
        html += "<div id=\"cases\">\n"
        for reported in report.cases { html += caseSection(reported) }
        html += "</div>\n<p id=\"none\" hidden=\"hidden\">No case matches the filter.</p>\n"
        html += "<script>/*<![CDATA[*/\n\(HTMLAssets.script)\n/*]]>*/</script>\n</body>\n</html>\n"
        return report.mask.applyToRendered(html)
    }

    /// One case: a collapsible section (open when it failed) with its failure and its sequence diagram.
    static func caseSection(_ reported: ReportedCase) -> String {
        let result = reported.result
        let passed = result.status == .passed
        let status = passed ? "passed" : "failed"
        var search = [result.caseName, result.file, result.scenarioName, result.status.rawValue]
        if let explanation = reported.explanation {
            search += [explanation.heading, explanation.summary, explanation.meaning]
        }
        var out = "<div class=\"case \(status)\" data-status=\"\(status)\" "
        out += "data-search=\"\(Markup.escaped(search.joined(separator: " ").lowercased()))\">\n"
        out += passed ? "<details>" : "<details open=\"open\">"
        out += "<summary><span class=\"mark\">\(passed ? "✓" : "✗")</span> \(Markup.escaped(result.caseName))"
        out += "<span class=\"file\">\(Markup.escaped(result.file))</span>"
        out += "<span class=\"duration\">\(result.duration.shortText)</span></summary>\n"
        if let explanation = reported.explanation {
            out += failureSection(explanation, status: result.status)
        }
        out += "<div class=\"diagram\">\n"
        out += SequenceDiagram(result: result, explanation: reported.explanation).svg
        out += "\n</div>\n</details>\n</div>\n"
        return out
    }

    /// The failure report as HTML: heading, expected, got, meaning, reasons, what to check.
    static func failureSection(_ explanation: FailureExplanation, status: CaseStatus) -> String {
        let word = status == .error ? "ERROR" : "FAIL"
        var out = "<div class=\"failure\">\n<h3>\(word) \(Markup.escaped(explanation.heading))</h3>\n<table>\n"
        let rows =
            [("expected", explanation.expected), ("got", explanation.got.joined(separator: "\n"))]
            + explanation.listedMismatches.map { ("mismatch", $0.summary) }
            + explanation.notes.map { ("note", $0) } + [("meaning", explanation.meaning)]
        for (label, value) in rows {
            out += "<tr><th>\(label)</th><td><pre>\(Markup.escaped(value))</pre></td></tr>\n"
        }
        out += "</table>\n<h4>Possible reasons</h4>\n<ul>\n"
        let reasons =
            explanation.reasons.isEmpty ? ["none in the catalogue for this step and reply"] : explanation.reasons
        for reason in reasons { out += "<li>\(Markup.escaped(reason))</li>\n" }
        out += "</ul>\n"
        if !explanation.hints.isEmpty {
            out += "<h4>What to check</h4>\n<ul>\n"
            for hint in explanation.hints { out += "<li>\(Markup.escaped(hint))</li>\n" }
            out += "</ul>\n"
        }
        out += "</div>\n"
        return out
    }
}
