import Foundation
import SMTPRunner
import SMTPYAML

/// Joins the JSON reports of a suite's shards (`run --shard I/N --report json:F`) into one set of reports, as if
/// the suite had run in one piece: the cases in suite order, the counts added up. Refuses reports that do not
/// belong together: another suite's (its fingerprint or case count differs), another split (N differs), a shard
/// given twice, or a shard missing.
///
/// Each report is read by offset from its open file (``ReportFile``, not mapped, so a file cut short while it is read
/// is an error, not a crash): its cases are found without being decoded (``JSONArraySplitter``), then decoded one at
/// a time to be checked and counted, and once more to be written; only each case's place in its file is kept, so
/// memory does not grow with the number of cases.
public struct ReportMerger {
    /// Why the reports cannot be merged.
    public struct Problem: Error, CustomStringConvertible {
        /// What is wrong, naming the files.
        public var description: String
    }

    /// The merged run, for the console.
    public struct Outcome {
        /// The counts of the merged cases.
        public var summary: RunSummary
        /// Cases never started in any shard (`--fail-fast`).
        public var skipped: Int
        /// How many shards were merged.
        public var shards: Int
        /// Each failed case's name and plain-text failure report, in suite order.
        public var failures: [(name: String, file: String, text: String)]
    }

    /// The largest report file read: 16 GiB (a 100,000-case report is about 1 GiB).
    public static let maximumFileSize = 16 << 30

    /// The shards' reports.
    public var paths: [String]

    /// Creates a merger of the JSON reports at `paths`.
    public init(paths: [String]) {
        self.paths = paths
    }

    /// Reads and checks every report (nothing is written when one is refused), then writes `destinations` and
    /// `transcripts`.
    ///
    /// - Throws: ``Problem`` when the reports cannot be merged; ``ReportWriteError`` when a file cannot be written.
    public func merge(into destinations: [ReportDestination], transcripts: String? = nil) throws -> Outcome {
        try merge(into: destinations, transcripts: transcripts, openShards: Self.maximumOpenShards, afterReading: {})
    }

    /// The most shards whose files stay open through a merge; with more, each is closed once read through and
    /// opened again for each case (a descriptor each would run into the limit on open files, 1,024 by default).
    static let maximumOpenShards = 64

    /// ``merge(into:transcripts:)`` keeping files open for at most `openShards` shards, with `afterReading` called
    /// once every report has been read through and before any case is decoded: for a test to change a shard's file
    /// meanwhile.
    func merge(
        into destinations: [ReportDestination],
        transcripts: String?,
        openShards: Int,
        afterReading: () throws -> Void
    ) throws -> Outcome {
        let keepOpen = paths.count <= openShards
        let shards = try paths.map { path in try read(path, keepOpen: keepOpen) }
        try afterReading()
        let documents = shards.map { ($0.path, $0.document) }
        guard let (firstPath, first) = documents.first else { throw Problem(description: "no report to merge") }
        guard let suite = first.suite, let shard = first.shard else {
            throw Problem(description: "\(firstPath): not a shard's report (it records no shard or suite)")
        }
        var byShard: [Int: String] = [:]
        for (path, document) in documents {
            guard let own = document.suite, let ownShard = document.shard else {
                throw Problem(description: "\(path): not a shard's report (it records no shard or suite)")
            }
            guard own.fingerprint == suite.fingerprint, own.cases == suite.cases else {
                throw Problem(
                    description: "\(path) is from another suite than \(firstPath): fingerprint \(own.fingerprint) "
                        + "(\(own.cases) cases), not \(suite.fingerprint) (\(suite.cases) cases); other files, cases "
                        + "or variables, or another --server, --dns-server or --mock persona"
                )
            }
            guard ownShard.count == shard.count else {
                throw Problem(
                    description: "\(path) is shard \(ownShard) but \(firstPath) is shard \(shard): "
                        + "the suite was split \(ownShard.count) and \(shard.count) ways"
                )
            }
            if let other = byShard[ownShard.index] {
                throw Problem(description: "shard \(ownShard) is given twice, overlapping: \(other) and \(path)")
            }
            byShard[ownShard.index] = path
        }
        let missing = (1...shard.count).filter { byShard[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map { "\($0)/\(shard.count)" }.joined(separator: ", ")
            throw Problem(
                description: "shard\(missing.count == 1 ? "" : "s") \(names) missing: give every shard's report"
            )
        }
        var entries: [Entry] = []
        var tally = CaseTally()
        var skipped = 0
        var startedAt: String?
        var duration = 0.0
        var invalidFiles: [JSONReportDocument.InvalidFileRecord] = []
        for (number, file) in shards.enumerated() {
            let (path, document) = (file.path, file.document)
            let own = document.shard ?? shard
            for (position, range) in file.cases.enumerated() {
                let record = try file.record(at: range, number: position)
                guard own.contains(record.index), record.index < suite.cases else {
                    throw Problem(description: "\(path): case \(record.index) is not in shard \(own)")
                }
                entries.append(
                    Entry(index: record.index, sequence: entries.count, shard: number, position: position, range: range)
                )
                tally.add(record)
            }
            skipped += document.summary.skipped
            if startedAt.map({ document.startedAt < $0 }) ?? true { startedAt = document.startedAt }
            duration = max(duration, document.durationMs)
            invalidFiles += document.invalidFiles
        }
        // Cases of one shard keep their order (an `each: true` case's MX hosts); shards interleave by case number.
        let ordered = entries.sorted { ($0.index, $0.sequence) < ($1.index, $1.sequence) }
        let context = ReportContext(
            startedAt: startedAt.flatMap {
                try? Date($0, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            }
                ?? Date(),
            duration: JSONReportDocument.duration(milliseconds: duration),
            summary: tally.summary,
            skipped: skipped,
            files: tally.files,
            invalidFiles: invalidFiles,
            identity: RunIdentity(shard: .whole, fingerprint: suite.fingerprint, cases: suite.cases),
            mergedShards: shard.count,
            mask: SecretMask([])
        )
        // The failures, in suite order, as the cases are written.
        var failures: [(name: String, file: String, text: String)] = []
        try ReportAssembler(destinations: destinations, transcripts: transcripts).write(context) { body in
            for entry in ordered {
                let record = try shards[entry.shard].record(at: entry.range, number: entry.position)
                if let failure = record.failure { failures.append((record.name, record.file, failure.text)) }
                try body(SpooledCase(json: JSONReporter.caseText(record), record: { record }))
            }
        }
        return Outcome(
            summary: tally.summary,
            skipped: skipped,
            shards: shard.count,
            failures: failures
        )
    }

    /// Where a case is: its number in the suite, the order it was read in, its shard's file, its place among that
    /// file's cases and its bytes there.
    private struct Entry {
        var index: Int
        var sequence: Int
        var shard: Int
        var position: Int
        var range: Range<Int>
    }

    /// A shard's report: the document without its cases, and where each case is in its file.
    private struct ShardFile {
        var path: String
        var file: ReportFile
        var document: JSONReportDocument
        var cases: [Range<Int>]

        /// Decodes the case at `range`, the `number`th of the file.
        func record(at range: Range<Int>, number: Int) throws -> JSONCaseRecord {
            let bytes: Data
            do {
                bytes = try file.read(range)
            } catch {
                throw ReportMerger.problem(error, path: path)
            }
            do {
                return try JSONDecoder().decode(JSONCaseRecord.self, from: bytes)
            } catch {
                throw Problem(
                    description: "\(path) is not a smtpspec JSON report: "
                        + ReportMerger.reason(error, under: "cases.\(number)")
                )
            }
        }
    }

    /// What a merge says when `path` cannot be read as it was when it was opened.
    private static func problem(_ failure: ReportFile.Failure, path: String) -> Problem {
        switch failure {
        case .unreadable(let reason):
            return Problem(description: "cannot read \(path): \(reason)")
        case .tooLarge(let size):
            return Problem(description: "\(path): \(size) bytes, more than a merge reads (\(maximumFileSize))")
        case .replaced:
            return Problem(
                description: "\(path) was replaced by another file while it was merged: is a shard still writing "
                    + "it? Merge once every shard has finished"
            )
        case .shrank(let size, let offset):
            return Problem(
                description: "\(path) became shorter while it was merged (\(size) bytes when opened, it ends at "
                    + "\(offset)): is a shard still writing it? Merge once every shard has finished"
            )
        }
    }

    private func read(_ path: String, keepOpen: Bool) throws -> ShardFile {
        let file: ReportFile
        do {
            file = try ReportFile(path: path, maximumSize: Self.maximumFileSize)
        } catch {
            throw Self.problem(error, path: path)
        }
        var bytes = ReportFileBytes(file: file)
        let located: (array: Range<Int>, elements: [Range<Int>])?
        do {
            located = try JSONArraySplitter.locate(member: "cases", in: &bytes)
        } catch {
            throw bytes.failure.map { Self.problem($0, path: path) }
                ?? Problem(description: "\(path) is not a smtpspec JSON report: \(error)")
        }
        if let failure = bytes.failure { throw Self.problem(failure, path: path) }
        let split: (rest: Data, elements: [Range<Int>])
        do {
            if let located {
                // The document with its cases left out: what is before and after the array, read again.
                var rest = try file.read(0..<located.array.lowerBound)
                rest.append(contentsOf: Array("[]".utf8))
                rest.append(try file.read(located.array.upperBound..<file.size))
                split = (rest, located.elements)
            } else {
                split = (try file.read(0..<file.size), [])
            }
        } catch {
            throw Self.problem(error, path: path)
        }
        if !keepOpen { file.release() }
        let document: JSONReportDocument
        let cases: [Range<Int>]
        do {
            document = try JSONDecoder().decode(JSONReportDocument.self, from: split.rest)
            cases = split.elements
            // The splitter matches the key as written; cases under a key written otherwise (escaped) or given twice
            // would reach the decoder, not the merge: refuse them rather than drop them.
            if document.cases?.isEmpty == false {
                throw Problem(
                    description: "\(path) is not a smtpspec JSON report: its 'cases' key is written twice or escaped"
                )
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "\(path) is not a smtpspec JSON report: \(Self.reason(error))")
        }
        guard document.format == "smtpspec-report" else {
            throw Problem(description: "\(path) is not a smtpspec JSON report (format '\(document.format)')")
        }
        guard document.formatVersion == JSONReportDocument.currentVersion else {
            throw Problem(
                description: "\(path) has report format version \(document.formatVersion); this smtpspec merges "
                    + "version \(JSONReportDocument.currentVersion) (run every shard with the same smtpspec)"
            )
        }
        return ShardFile(path: path, file: file, document: document, cases: cases)
    }

    private static func reason(_ error: any Error, under prefix: String? = nil) -> String {
        func at(_ keys: [any CodingKey]) -> String {
            guard let prefix else { return path(keys) }
            return keys.isEmpty ? prefix : prefix + "." + path(keys)
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context):
            return "no '\(key.stringValue)' at \(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(context.debugDescription) at \(at(context.codingPath))"
        case .dataCorrupted(let context):
            return context.debugDescription
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
