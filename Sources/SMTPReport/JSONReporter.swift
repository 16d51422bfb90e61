import Foundation

/// Renders a run as JSON, as described by `Grammar/report.schema.json` (JSON Schema 2020-12): the summary,
/// files that did not compile, the run's shard and suite, and every case with its steps, transcript and failure
/// explanation.
public enum JSONReporter {
    /// The JSON document for `report`, pretty-printed with sorted keys.
    public static func render(_ report: RunReport) -> String {
        report.rendered(as: .json)
    }

    /// Writes the document a case at a time. Sorted keys put `cases` first, so the cases stream before the
    /// summary that counts them.
    struct Writer: ReportWriter {
        private var written = 0
        private let encoder: JSONEncoder = {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return encoder
        }()

        mutating func begin(_ context: ReportContext) -> String {
            "{\n  \"cases\" : ["
        }

        mutating func write(_ record: JSONCaseRecord, _ context: ReportContext) -> String {
            defer { written += 1 }
            let text = encoded(record)
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            return (written == 0 ? "\n" : ",\n") + indented.joined(separator: "\n")
        }

        mutating func end(_ context: ReportContext) -> String {
            let envelope = encoded(JSONReportDocument(context))
            // `{\n  "durationMs" : …\n}` without its opening brace follows the cases.
            return (written == 0 ? "]" : "\n  ]") + ",\n" + envelope.dropFirst(2) + "\n"
        }

        private func encoded(_ value: some Encodable) -> String {
            do {
                return String(decoding: try encoder.encode(value), as: UTF8.self)
            } catch {
                // Only strings, numbers and booleans are encoded, so this cannot happen; still never crash.
                return "{\"encodingError\": \(JSONText.quoted("\(error)"))}"
            }
        }
    }
}
