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
        let json = encodedData(record)
        // Four spaces before the text and after each of its line feeds, in one pass over the encoder's octets.
        let indent: [UInt8] = [32, 32, 32, 32]
        var bytes = indent
        bytes.reserveCapacity(json.count + json.count / 8 + 4)
        json.withUnsafeBytes { raw in
            var start = 0
            while let lineFeed = raw[start...].firstIndex(of: UInt8(ascii: "\n")) {
                bytes.append(contentsOf: raw[start...lineFeed])
                bytes.append(contentsOf: indent)
                start = lineFeed + 1
            }
            bytes.append(contentsOf: raw[start...])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func encoded(_ value: some Encodable) -> String {
        String(decoding: encodedData(value), as: UTF8.self)
    }

    private static func encodedData(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            // Only strings, numbers and booleans are encoded, so this cannot happen; still never crash.
            return Data("{\"encodingError\": \(JSONText.quoted("\(error)"))}".utf8)
        }
    }
}
