import Foundation
import SMTPRunner
import SMTPYAML

/// Which run a report describes: the shard of the suite it played and the suite's identity, so that the reports
/// of a suite's shards can be merged and a foreign one refused.
public struct RunIdentity: Sendable, Hashable, Codable {
    /// The shard this run played (`1/1` for the whole suite).
    public var shard: ShardSelection
    /// The suite's fingerprint (its files and case names in order; see `Fingerprint`).
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
}

/// One scenario file's counts in a report.
struct FileTotals {
    var passed = 0
    var failed = 0
    var errors = 0
    /// The sum of its cases' durations, in milliseconds.
    var milliseconds = 0.0
    /// The earliest start of its cases (ISO 8601 timestamps sort as text).
    var firstStart: String?

    var total: Int { passed + failed + errors }

    mutating func add(_ record: JSONCaseRecord) {
        switch record.status {
        case CaseStatus.passed.rawValue: passed += 1
        case CaseStatus.error.rawValue: errors += 1
        default: failed += 1
        }
        milliseconds += record.durationMs
        if firstStart.map({ record.startedAt < $0 }) ?? true { firstStart = record.startedAt }
    }
}

/// The counts of a report's cases, kept as the cases are added.
struct CaseTally {
    var files: [String: FileTotals] = [:]
    var passed = 0
    var failed = 0
    var errors = 0

    mutating func add(_ record: JSONCaseRecord) {
        files[record.file, default: FileTotals()].add(record)
        switch record.status {
        case CaseStatus.passed.rawValue: passed += 1
        case CaseStatus.error.rawValue: errors += 1
        default: failed += 1
        }
    }

    var summary: RunSummary { RunSummary(passed: passed, failed: failed, errors: errors) }
}
