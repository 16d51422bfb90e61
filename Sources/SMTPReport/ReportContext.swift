import Foundation
import SMTPRunner
import SMTPYAML

/// Which run a report describes: the shard of the suite it played and the suite's identity, so that the reports
/// of a suite's shards can be merged and a foreign one refused.
public struct RunIdentity: Sendable, Hashable, Codable {
    /// The shard this run played (`1/1` for the whole suite).
    public var shard: ShardSelection
    /// The suite's fingerprint (its files and case names in order, and the `--mock` personas, `--server` and
    /// `--dns-server` it was played against; see `Fingerprint`).
    public var fingerprint: String
    /// How many cases the whole suite has, in every shard.
    public var cases: Int

    /// Creates an identity.
    public init(shard: ShardSelection, fingerprint: String, cases: Int) {
        self.shard = shard
        self.fingerprint = fingerprint
        self.cases = cases
    }
}

/// What a report says about the run as a whole, besides its cases: known before the first case is written.
struct ReportContext {
    /// When the run started.
    var startedAt: Date
    /// How long it took.
    var duration: Duration
    /// The counts of the cases' outcomes.
    var summary: RunSummary
    /// Cases never started (`--fail-fast`).
    var skipped: Int
    /// Each file's counts, for JUnit's testsuites.
    var files: [String: FileTotals]
    /// Files that did not compile.
    var invalidFiles: [JSONReportDocument.InvalidFileRecord]
    /// The run's shard and suite; `nil` for a report made without them.
    var identity: RunIdentity?
    /// How many shards' reports were merged into this one; `nil` for one run's report.
    var mergedShards: Int?
    /// The mask every rendered text goes through.
    var mask: SecretMask

    /// `shard 2/3` when the run played one shard of a split suite, for every format to say so (a shard's reports
    /// are read on their own too, and an empty shard's show no case to tell); `nil` for a whole suite or a merge.
    var shardLabel: String? {
        guard let shard = identity?.shard, shard.count > 1 else { return nil }
        return "shard \(shard)"
    }
}

/// One scenario file's counts in a report.
struct FileTotals {
    var summary = RunSummary(passed: 0, failed: 0, errors: 0)
    /// The sum of its cases' durations, in milliseconds.
    var milliseconds = 0.0
    /// The earliest start of its cases (ISO 8601 timestamps sort as text).
    var firstStart: String?

    mutating func add(_ record: JSONCaseRecord) {
        summary.count(record.caseStatus)
        milliseconds += record.durationMs
        if firstStart.map({ record.startedAt < $0 }) ?? true { firstStart = record.startedAt }
    }
}

/// The counts of a report's cases, kept as the cases are added: the whole run's and each file's.
struct CaseTally {
    var files: [String: FileTotals] = [:]
    var summary = RunSummary(passed: 0, failed: 0, errors: 0)

    mutating func add(_ record: JSONCaseRecord) {
        files[record.file, default: FileTotals()].add(record)
        summary.count(record.caseStatus)
    }
}

extension JSONCaseRecord {
    /// The case's outcome (a record read back with a status this build does not know counts as failed).
    var caseStatus: CaseStatus {
        CaseStatus(rawValue: status) ?? .failed
    }
}
