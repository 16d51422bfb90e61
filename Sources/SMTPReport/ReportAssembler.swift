import Foundation

/// Writes a run's report files from its cases in suite order: every `--report` destination and the
/// `--transcripts` folder in one pass over the cases, each file through a buffer, so that a run of 100,000
/// cases is written with one case in memory at a time.
struct ReportAssembler {
    var destinations: [ReportDestination]
    var transcripts: String?

    /// Whether writing needs each case decoded: a format other than JSON, or transcripts. (A JSON destination
    /// takes the case's JSON text as it is.)
    var needsRecords: Bool {
        transcripts != nil || destinations.contains { $0.format != .json }
    }

    /// Writes every destination. `cases` hands each case, in order, to the closure it is given: its JSON text
    /// (``JSONReporter/caseText(_:)``) and, when ``needsRecords``, its record.
    func write(
        _ context: ReportContext,
        cases: ((String, JSONCaseRecord?) throws -> Void) throws -> Void
    ) throws(ReportWriteError) {
        var outputs: [(sink: FileSink, writer: any ReportWriter)] = []
        var files = transcripts.map { TranscriptWriter.Files(directory: $0) }
        do {
            for destination in destinations {
                let sink = try FileSink(path: destination.path)
                var writer = destination.format.makeWriter()
                try sink.write(context.mask.applyToRendered(writer.begin(context)))
                outputs.append((sink, writer))
            }
            try cases { text, record in
                for index in outputs.indices {
                    let piece: String
                    if var json = outputs[index].writer as? JSONReporter.Writer {
                        piece = json.write(encoded: text)
                        outputs[index].writer = json
                    } else if let record {
                        piece = outputs[index].writer.write(record, context)
                    } else {
                        continue
                    }
                    try outputs[index].sink.write(context.mask.applyToRendered(piece))
                }
                if let record { try files?.write(record, mask: context.mask) }
            }
            for index in outputs.indices {
                try outputs[index].sink.write(context.mask.applyToRendered(outputs[index].writer.end(context)))
                try outputs[index].sink.commit()
            }
        } catch let error as ReportWriteError {
            throw error
        } catch {
            throw ReportWriteError(path: destinations.first?.path ?? transcripts ?? "", reason: "\(error)")
        }
    }

    /// Renders one format into a string (a report held in memory).
    static func render(
        _ context: ReportContext,
        records: [JSONCaseRecord],
        with writer: inout some ReportWriter
    ) -> String {
        var text = context.mask.applyToRendered(writer.begin(context))
        for record in records { text += context.mask.applyToRendered(writer.write(record, context)) }
        return text + context.mask.applyToRendered(writer.end(context))
    }
}
