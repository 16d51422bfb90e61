import Foundation
import SMTPDiagnosis
import SMTPRunner
import SMTPYAML

/// Collects a run's cases as they finish, in any order, and writes the report files at the end in suite order
/// (file, then case). Each case is explained, reduced to its report record and appended to a temporary file
/// at once; memory keeps only where each record is, so it does not grow with the number of cases.
///
/// What is appended is what the reports need: the case's JSON text (which the JSON report holds as it is and the
/// other formats decode) unless JUnit is the only format, and the case's JUnit `<testcase>` when JUnit is one of
/// them, rendered while the record is in hand, so that JUnit never decodes a case.
///
/// Used from one task at a time: ``add(_:ordinal:)`` as each case ends, ``finish(startedAt:duration:skipped:)``
/// once.
public final class ReportSpool {
    /// Where a case's pieces are in the spool file: its JSON text (when kept), then its `<testcase>` (when JUnit
    /// is written). Kept small, one per case: 32 octets.
    private struct Entry {
        var ordinal: Int
        var offset: UInt64
        var sequence: Int32
        var jsonLength: UInt32
        var junitLength: UInt32
        /// The case's file, as its number in `files`.
        var file: UInt32
    }

    private let destinations: [ReportDestination]
    private let transcripts: String?
    private let identity: RunIdentity?
    private let mask: SecretMask
    private let path: String
    private let handle: FileHandle
    private var entries: [Entry] = []
    private var offset: UInt64 = 0
    private var tally = CaseTally()
    /// Whether a format or the transcripts read the cases' JSON text (every one but JUnit does).
    private let keepsJSON: Bool
    /// Whether JUnit is written.
    private let rendersJUnit: Bool
    /// The cases' files, each once; an entry keeps its file's number.
    private var files: [String] = []
    private var fileNumbers: [String: Int] = [:]

    /// Creates a spool for a run that writes `destinations` and, when given, a transcript file per case into
    /// `transcripts`.
    ///
    /// - Parameters:
    ///   - identity: the run's shard and suite, recorded in the JSON report.
    ///   - secrets: every secret value of the run; each is shown as `******` in every file written.
    /// - Throws: ``ReportWriteError`` when the temporary file cannot be made.
    public init(
        destinations: [ReportDestination],
        transcripts: String?,
        identity: RunIdentity?,
        secrets: [String]
    ) throws(ReportWriteError) {
        self.destinations = destinations
        self.transcripts = transcripts
        self.identity = identity
        self.mask = SecretMask(secrets)
        keepsJSON = transcripts != nil || destinations.contains { $0.format != .junit }
        rendersJUnit = destinations.contains { $0.format == .junit }
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("smtpspec-\(UUID().uuidString).spool")
        do {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteNoPermission) }
            handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
            // Unlinked at once: the open handle keeps it, and a run that is killed leaves nothing behind.
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw ReportWriteError(path: path, error: error)
        }
    }

    deinit {
        try? handle.close()
    }

    /// Whether anything is to be written: a destination or a transcript folder.
    public var isNeeded: Bool { !destinations.isEmpty || transcripts != nil }

    /// Keeps a finished case: number `ordinal` of the suite (results of one case, `each: true` MX hosts, keep
    /// the order they are added in).
    public func add(_ reported: ReportedCase, ordinal: Int) throws(ReportWriteError) {
        guard isNeeded else {
            // Nothing to write: only the run's counts are kept, without building the case's report record.
            tally.summary.count(reported.result.status)
            return
        }
        let record = JSONCaseRecord(reported, index: ordinal)
        tally.add(record)
        // Kept as the JSON report shows it: written there as it is, decoded for the other formats. Every value is
        // masked already; secrets are masked in its strings once more, never in its structure (so in the JUnit
        // piece too).
        let start = offset
        let jsonLength = keepsJSON ? try append(mask.applyToJSONStrings(JSONReporter.caseText(record))) : 0
        let junitLength = rendersJUnit ? try append(JUnitReporter.testcase(record, mask: mask)) : 0
        let file: Int
        if let known = fileNumbers[record.file] {
            file = known
        } else {
            file = files.count
            files.append(record.file)
            fileNumbers[record.file] = file
        }
        entries.append(
            Entry(
                ordinal: ordinal,
                offset: start,
                sequence: Int32(truncatingIfNeeded: entries.count),
                jsonLength: jsonLength,
                junitLength: junitLength,
                file: UInt32(truncatingIfNeeded: file)
            )
        )
    }

    /// Appends `text` to the spool file and returns its length in octets.
    private func append(_ text: String) throws(ReportWriteError) -> UInt32 {
        let data = Data(text.utf8)
        guard let length = UInt32(exactly: data.count) else {
            throw ReportWriteError(path: path, reason: "a case's report is over 4 GiB")
        }
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw ReportWriteError(path: path, error: error)
        }
        offset += UInt64(length)
        return length
    }

    /// `length` octets of the spool file from `offset`.
    private func read(at offset: UInt64, length count: Int) throws -> Data {
        try handle.seek(toOffset: offset)
        guard let data = try handle.read(upToCount: count), data.count == count else {
            throw ReportWriteError(path: path, reason: "the spool file is shorter than written")
        }
        return data
    }

    /// The counts of the cases added so far.
    public var summary: RunSummary { tally.summary }

    /// Writes every report file, the cases in suite order, and returns the run's counts.
    @discardableResult
    public func finish(startedAt: Date, duration: Duration, skipped: Int) throws(ReportWriteError) -> RunSummary {
        let context = ReportContext(
            startedAt: startedAt,
            duration: duration,
            summary: tally.summary,
            skipped: skipped,
            files: tally.files,
            invalidFiles: [],
            identity: identity,
            mergedShards: nil,
            mask: mask
        )
        guard isNeeded else { return tally.summary }
        // In place: a sorted copy would double what the entries take, at the end of a long run.
        entries.sort { ($0.ordinal, $0.sequence) < ($1.ordinal, $1.sequence) }
        let decoder = JSONDecoder()
        let assembler = ReportAssembler(destinations: destinations, transcripts: transcripts)
        try assembler.write(context) { body in
            for entry in entries {
                // A case's pieces lie one after the other: one read brings both.
                let pieces = try read(at: entry.offset, length: Int(entry.jsonLength) + Int(entry.junitLength))
                let json = keepsJSON ? pieces.prefix(Int(entry.jsonLength)) : nil
                let junit =
                    rendersJUnit
                    ? (
                        file: files[Int(entry.file)],
                        testcase: String(decoding: pieces.suffix(Int(entry.junitLength)), as: UTF8.self)
                    )
                    : nil
                try body(
                    SpooledCase(json: json.map { String(decoding: $0, as: UTF8.self) }, junit: junit) {
                        guard let json else {
                            throw ReportWriteError(path: self.path, reason: "the case's JSON text was not kept")
                        }
                        return try decoder.decode(JSONCaseRecord.self, from: json)
                    }
                )
            }
        }
        return tally.summary
    }
}
