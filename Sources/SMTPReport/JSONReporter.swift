import Foundation

/// Renders a run as JSON, as described by `Grammar/report.schema.json` (JSON Schema 2020-12): the summary,
/// files that did not compile, and every case with its steps, transcript and failure explanation.
public enum JSONReporter {
    /// The JSON document for `report`, pretty-printed with sorted keys.
    public static func render(_ report: RunReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text: String
        do {
            text = String(decoding: try encoder.encode(JSONReportDocument(report)), as: UTF8.self)
        } catch {
            // Only strings, numbers and booleans are encoded, so this cannot happen; still never crash.
            text = "{\"format\": \"smtpspec-report\", \"encodingError\": \(JSONText.quoted("\(error)"))}"
        }
        return report.mask.applyToRendered(text + "\n")
    }
}
