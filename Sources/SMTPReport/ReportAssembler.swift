import Foundation

/// Writes a run's report files from its cases in suite order: every `--report` destination and the
/// `--transcripts` folder in one pass over the cases, each file through a buffer, so that a run of 100,000
/// cases is written with one case in memory at a time.
struct ReportAssembler {
    var destinations: [ReportDestination]
    var transcripts: String?

    /// Writes every destination. `cases` hands each case, in order, to the closure it is given.
    func write(
        _ context: ReportContext,
        cases: ((JSONCaseRecord) throws -> Void) throws -> Void
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
            try cases { record in
                for index in outputs.indices {
                    try outputs[index].sink.write(
                        context.mask.applyToRendered(outputs[index].writer.write(record, context))
                    )
                }
                try files?.write(record, mask: context.mask)
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
