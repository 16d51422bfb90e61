import Foundation

/// Writes a run's report files from its cases in suite order: every `--report` destination and the
/// `--transcripts` folder in one pass over the cases, each file through a buffer, so that a run of 100,000
/// cases is written with one case in memory at a time.
struct ReportAssembler {
    var destinations: [ReportDestination]
    var transcripts: String?

    /// Writes every destination. `cases` hands each case, in order, to the closure it is given (see
    /// ``SpooledCase``). Nothing is masked here as text: a short secret would also replace a number, a keyword or a
    /// tag of the format. A case is decoded once, and only when a writer or the transcripts need its record.
    func write(
        _ context: ReportContext,
        cases: ((SpooledCase) throws -> Void) throws -> Void
    ) throws(ReportWriteError) {
        var outputs: [(sink: FileSink, writer: any ReportWriter)] = []
        var files = transcripts.map { TranscriptWriter.Files(directory: $0) }
        do {
            for destination in destinations {
                let sink = try FileSink(path: destination.path)
                var writer = destination.format.makeWriter()
                try sink.write(writer.begin(context))
                outputs.append((sink, writer))
            }
            try cases { spooled in
                var decoded: JSONCaseRecord?
                var once = spooled
                once.record = {
                    if let decoded { return decoded }
                    let record = try spooled.record()
                    decoded = record
                    return record
                }
                for index in outputs.indices {
                    let piece = try outputs[index].writer.write(once, context)
                    try outputs[index].sink.write(piece)
                }
                try files?.write(once.record(), mask: context.mask)
            }
            for index in outputs.indices {
                try outputs[index].sink.write(outputs[index].writer.end(context))
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
        var text = writer.begin(context)
        for record in records { text += writer.write(record, context) }
        return text + writer.end(context)
    }
}

/// One case as a run's spool or a merge hands it to the report writers.
struct SpooledCase {
    /// The case as the JSON report holds it (``JSONReporter/caseText(_:)``), when it was kept.
    var json: String?
    /// The case's `<testcase>` element (``JUnitReporter/testcase(_:mask:)``) and its file, when it was rendered as
    /// the case ended.
    var junit: (file: String, testcase: String)?
    /// The case's record: decoded from its JSON text, or in hand.
    var record: () throws -> JSONCaseRecord
}
