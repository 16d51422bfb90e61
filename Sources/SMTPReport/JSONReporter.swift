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

        mutating func begin(_ context: ReportContext) -> String {
            "{\n  \"cases\" : ["
        }

        mutating func write(_ record: JSONCaseRecord, _ context: ReportContext) -> String {
            append(JSONReporter.caseText(record))
        }

        /// The case's text as it is when the spool kept it: nothing is decoded or encoded again.
        mutating func write(_ spooled: SpooledCase, _ context: ReportContext) throws -> String {
            append(try spooled.json ?? JSONReporter.caseText(spooled.record()))
        }

        private mutating func append(_ json: String) -> String {
            defer { written += 1 }
            return (written == 0 ? "\n" : ",\n") + json
        }

        mutating func end(_ context: ReportContext) -> String {
            let envelope = JSONReporter.encoded(JSONReportDocument(context))
            // `{\n  "durationMs" : …\n}` without its opening brace follows the cases.
            return (written == 0 ? "]" : "\n  ]") + ",\n" + envelope.dropFirst(2) + "\n"
        }
    }

    /// One case as the document holds it: pretty-printed with sorted keys, indented to its place in `cases`.
    static func caseText(_ record: JSONCaseRecord) -> String {
        var bytes: [UInt8] = Array("    ".utf8)
        for byte in encoded(record).utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\n") { bytes.append(contentsOf: [32, 32, 32, 32]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func encoded(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // Only strings, numbers and booleans are encoded, so this cannot happen; still never crash.
            return "{\"encodingError\": \(JSONText.quoted("\(error)"))}"
        }
    }
}
