import Foundation
import SMTPDiagnosis
import SMTPRunner
import SMTPYAML

/// Collects a run's cases as they finish, in any order, and writes the report files at the end in suite order
/// (file, then case). Each case is explained, reduced to its report record and appended to a temporary file
/// at once; memory keeps only where each record is, so it does not grow with the number of cases.
///
/// Used from one task at a time: ``add(_:ordinal:)`` as each case ends, ``finish(startedAt:duration:skipped:)``
/// once.
public final class ReportSpool {
    private struct Entry {
        var ordinal: Int
        var sequence: Int
        var offset: UInt64
        var length: Int
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
        do {
            // Kept as the JSON report shows it: written there as it is, decoded for the other formats. Every value
            // is masked already; secrets are masked in its strings once more, never in its structure.
            let data = Data(mask.applyToJSONStrings(JSONReporter.caseText(record)).utf8)
            try handle.write(contentsOf: data)
            entries.append(Entry(ordinal: ordinal, sequence: entries.count, offset: offset, length: data.count))
            offset += UInt64(data.count)
        } catch {
            throw ReportWriteError(path: path, error: error)
        }
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
        let ordered = entries.sorted { ($0.ordinal, $0.sequence) < ($1.ordinal, $1.sequence) }
        let decoder = JSONDecoder()
        let assembler = ReportAssembler(destinations: destinations, transcripts: transcripts)
        try assembler.write(context) { body in
            for entry in ordered {
                try handle.seek(toOffset: entry.offset)
                guard let data = try handle.read(upToCount: entry.length), data.count == entry.length else {
                    throw ReportWriteError(path: path, reason: "the spool file is shorter than written")
                }
                try body(String(decoding: data, as: UTF8.self)) { try decoder.decode(JSONCaseRecord.self, from: data) }
            }
        }
        return tally.summary
    }
}
