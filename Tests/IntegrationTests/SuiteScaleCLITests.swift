import Foundation
import Testing

@testable import SMTPReport

/// A suite played session by session: `--jobs` within one file, `--shard` by case, `smtpspec merge`, and the
/// reports' order, all through the binary against the mock.
@Suite("Sessions in parallel, shards and merge")
struct SuiteScaleCLITests {
    static let suite = ["Tests/Fixtures/suite/matrix.smtp.yaml", "Tests/Fixtures/suite/second.smtp.yaml"]

    /// A fresh folder for one test's reports.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "smtpspec-suite-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A fresh folder with the suite's two shards' JSON reports, `s1.json` and `s2.json`.
    static func halves() throws -> String {
        let dir = try folder()
        for index in 1...2 {
            _ = try CLITests.smtpspec(
                ["run"] + suite + ["--mock", "--shard", "\(index)/2", "--report", "json:\(dir)/s\(index).json"]
            )
        }
        return dir
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func cases(_ report: [String: Any]) -> [[String: Any]] {
        report["cases"] as? [[String: Any]] ?? []
    }

    /// What must be the same whether a suite ran whole or in shards: each case's number, file, name and status,
    /// and its failure's summary.
    static func essentials(_ report: [String: Any]) -> [String] {
        cases(report).map { record in
            let failure = (record["failure"] as? [String: Any])?["summary"] as? String ?? "-"
            return "\(record["index"] ?? "?") \(record["file"] ?? "?") \(record["name"] ?? "?") "
                + "\(record["status"] ?? "?") \(failure)"
        }
    }

    @Test("--jobs 6 plays one file's matrix cases at once; the reports keep file and case order")
    func jobsWithinOneFile() throws {
        let dir = try Self.folder()
        let outcome = try CLITests.smtpspec(
            ["run"] + Self.suite + [
                "--mock", "--jobs", "6", "--report", "json:\(dir)/r.json", "--report", "junit:\(dir)/r.xml",
            ]
        )
        #expect(outcome.status == 1, "\(outcome.error)")
        #expect(outcome.output.hasSuffix("8 passed, 6 failed\n"), "\(outcome.output)")
        let report = try Self.json("\(dir)/r.json")
        #expect(Self.cases(report).compactMap { $0["index"] as? Int } == Array(0..<14))
        let names = Self.cases(report).compactMap { $0["name"] as? String }
        #expect(names.first == "Matrix for sharding [sender=chris@contoso.com, recipient=kate@fabrikam.com]")
        #expect(names[3] == "Matrix for sharding [sender=chris@contoso.com, recipient=chris@fabrikam.com]")
        #expect(names.last == "Second file [recipient=administrator@fabrikam.com]")
        let shard = try #require(report["shard"] as? [String: Int])
        #expect(shard == ["index": 1, "count": 1])
        let suite = try #require(report["suite"] as? [String: Any])
        #expect(suite["cases"] as? Int == 14)
        // JUnit: one testsuite per file, in order, with its own counts.
        let xml = try String(contentsOfFile: "\(dir)/r.xml", encoding: .utf8)
        let first = try #require(
            xml.range(of: "<testsuite name=\"Tests/Fixtures/suite/matrix.smtp.yaml\" tests=\"12\" failures=\"6\"")
        )
        let second = try #require(
            xml.range(of: "<testsuite name=\"Tests/Fixtures/suite/second.smtp.yaml\" tests=\"2\" failures=\"0\"")
        )
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test("every case sends its own Message-ID and ${case.id}, also across runs")
    func uniqueMessageIDs() throws {
        var seen: Set<String> = []
        for _ in 0..<2 {
            let dir = try Self.folder()
            let outcome = try CLITests.smtpspec(
                ["run", Self.suite[0], Self.suite[1], "--mock", "--jobs", "4", "--transcripts", dir]
            )
            #expect(outcome.status == 1)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir) {
                let text = try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8)
                for line in text.split(separator: "\n")
                where line.contains("C: Message-ID:") || line.contains("C: Subject: Case") {
                    #expect(seen.insert(String(line)).inserted, "\(line) sent twice")
                }
            }
        }
        // The 8 cases whose recipient is accepted send a message: 8 Message-IDs, and 6 subjects with a case id
        // (the matrix file's), in each of two runs.
        #expect(seen.count == 2 * (8 + 6))
    }

    @Test("three shards merged are the unsharded run: the same cases, order, outcomes and exit status")
    func shardsMergeToTheWhole() throws {
        let dir = try Self.folder()
        let whole = try CLITests.smtpspec(["run"] + Self.suite + ["--mock", "--report", "json:\(dir)/whole.json"])
        #expect(whole.status == 1)
        var shardCases: [Int] = []
        for index in 1...3 {
            let outcome = try CLITests.smtpspec(
                ["run"] + Self.suite + [
                    "--mock", "--jobs", "3", "--shard", "\(index)/3", "--report", "json:\(dir)/s\(index).json",
                ]
            )
            #expect([0, 1].contains(outcome.status), "\(outcome.error)")
            let report = try Self.json("\(dir)/s\(index).json")
            let indices = Self.cases(report).compactMap { $0["index"] as? Int }
            // Dealt by case, round robin: shard 1 has cases 0, 3, 6, …, whatever their file.
            #expect(indices == Array(stride(from: index - 1, to: 14, by: 3)))
            shardCases += indices
        }
        #expect(shardCases.count == 14)
        let merged = try CLITests.smtpspec(
            [
                "merge", "\(dir)/s3.json", "\(dir)/s1.json", "\(dir)/s2.json", "--report", "json:\(dir)/merged.json",
                "--report", "junit:\(dir)/merged.xml", "--report", "html:\(dir)/merged.html", "--report",
                "tap:\(dir)/merged.tap",
            ]
        )
        #expect(merged.status == 1, "\(merged.error)")
        #expect(merged.output.hasSuffix("8 passed, 6 failed\n"), "\(merged.output)")
        #expect(merged.output.contains("550 5.1.1"))
        let mergedReport = try Self.json("\(dir)/merged.json")
        #expect(Self.essentials(mergedReport) == Self.essentials(try Self.json("\(dir)/whole.json")))
        #expect(mergedReport["mergedShards"] as? Int == 3)
        let summary = try #require(mergedReport["summary"] as? [String: Int])
        #expect(summary["passed"] == 8 && summary["failed"] == 6 && summary["total"] == 14)
        let tap = try String(contentsOfFile: "\(dir)/merged.tap", encoding: .utf8)
        #expect(tap.hasPrefix("TAP version 14\n1..14\n"))
        #expect(
            tap.contains(
                "not ok 3 - Tests/Fixtures/suite/matrix.smtp.yaml: Matrix for sharding [sender=chris@contoso.com, recipient=nobody@fabrikam.com]"
            )
        )
    }

    @Test("merge refuses overlapping, missing and foreign shards with exit 2 and writes nothing")
    func mergeRefuses() throws {
        let dir = try Self.halves()
        _ = try CLITests.smtpspec([
            "run", Self.suite[1], "--mock", "--shard", "2/2", "--report", "json:\(dir)/foreign.json",
        ])
        _ = try CLITests.smtpspec(
            ["run"] + Self.suite + ["--mock", "--shard", "1/3", "--report", "json:\(dir)/third.json"]
        )
        // The same files and shard against another persona's mock: another run, not the rest of this one.
        _ = try CLITests.smtpspec(
            ["run"] + Self.suite + ["--mock", "postfix", "--shard", "2/2", "--report", "json:\(dir)/postfix.json"]
        )
        // Shard 2 with its second case's index a string: the merge refuses it and names the case.
        let second = try String(contentsOfFile: "\(dir)/s2.json", encoding: .utf8)
        let mark = try #require(second.ranges(of: "\"index\" : ").dropFirst().first)
        let number = second[mark.upperBound...].prefix { $0.isNumber }
        let broken = second[..<mark.upperBound] + "\"\(number)\"" + second[number.endIndex...]
        try broken.write(toFile: "\(dir)/broken.json", atomically: true, encoding: .utf8)
        // Shard 2 with its cases under an escaped key: refused, never merged without its cases.
        try second.replacingOccurrences(of: "\"cases\" :", with: "\"\\u0063ases\" :")
            .write(toFile: "\(dir)/escaped.json", atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["s1.json", "broken.json"], "broken.json is not a smtpspec JSON report: Expected to decode Int but"),
            (["s1.json", "escaped.json"], "its 'cases' key is written twice or escaped"),
            (["s1.json", "s1.json", "s2.json"], "shard 1/2 is given twice, overlapping"),
            (["s1.json"], "shard 2/2 missing"),
            (["s1.json", "foreign.json"], "is from another suite"),
            (["s1.json", "postfix.json"], "is from another suite"),
            (["s1.json", "third.json"], "the suite was split"),
            (["r.xml"], "cannot read"),
        ]
        for (inputs, message) in cases {
            let outcome = try CLITests.smtpspec(
                ["merge"] + inputs.map { "\(dir)/\($0)" } + ["--report", "junit:\(dir)/out.xml"]
            )
            #expect(outcome.status == 2, "\(inputs)")
            #expect(outcome.error.contains(message), "\(outcome.error)")
            #expect(!FileManager.default.fileExists(atPath: "\(dir)/out.xml"))
        }
    }

    @Test("a shard's report cut short or replaced during a merge is refused; reopened between reads, the same merge")
    func shardChangedDuringMerge() throws {
        let dir = try Self.halves()
        let merger = ReportMerger(paths: ["\(dir)/s1.json", "\(dir)/s2.json"])
        let kept = ReportDestination(format: .json, path: "\(dir)/kept.json")
        _ = try merger.merge(into: [kept], transcripts: nil, openShards: 2) {}
        // Every file closed once read through, and opened again for each case: the same merged report.
        let reopened = ReportDestination(format: .json, path: "\(dir)/reopened.json")
        _ = try merger.merge(into: [reopened], transcripts: nil, openShards: 1) {}
        #expect(
            Self.essentials(try Self.json("\(dir)/reopened.json")) == Self.essentials(try Self.json("\(dir)/kept.json"))
        )
        let original = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/s2.json"))
        for openShards in [2, 1] {
            // Cut short after it was read through (a mapped file ended the process with SIGBUS here).
            try original.write(to: URL(fileURLWithPath: "\(dir)/s2.json"))
            let out = ReportDestination(format: .junit, path: "\(dir)/out.xml")
            let error = #expect(throws: ReportMerger.Problem.self) {
                try merger.merge(into: [out], transcripts: nil, openShards: openShards) {
                    let handle = try #require(FileHandle(forWritingAtPath: "\(dir)/s2.json"))
                    try handle.truncate(atOffset: UInt64(original.count / 2))
                    try handle.close()
                }
            }
            #expect(error?.description.contains("s2.json became shorter while it was merged") == true, "\(openShards)")
            #expect(!FileManager.default.fileExists(atPath: "\(dir)/out.xml"))
        }
        // Replaced by another file under the same name: an open file reads on from the one it opened, a closed one
        // is refused.
        try original.write(to: URL(fileURLWithPath: "\(dir)/s2.json"))
        let replaced = try #expect(throws: ReportMerger.Problem.self) {
            try merger.merge(into: [], transcripts: nil, openShards: 1) {
                try original.write(to: URL(fileURLWithPath: "\(dir)/s2.json"), options: .atomic)
            }
        }
        #expect(replaced?.description.contains("s2.json was replaced by another file while it was merged") == true)
        _ = try merger.merge(into: [], transcripts: nil, openShards: 2) {
            try original.write(to: URL(fileURLWithPath: "\(dir)/s2.json"), options: .atomic)
        }
    }

    @Test("an empty shard writes its reports, each saying its I/N, and exits 0")
    func emptyShard() throws {
        let dir = try Self.folder()
        let outcome = try CLITests.smtpspec(
            [
                "run", Self.suite[1], "--mock", "--shard", "3/3", "--report", "json:\(dir)/e.json", "--report",
                "junit:\(dir)/e.xml", "--report", "tap:\(dir)/e.tap", "--report", "html:\(dir)/e.html",
            ]
        )
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.hasSuffix("0 passed, 0 failed\n"))
        let report = try Self.json("\(dir)/e.json")
        #expect(report["shard"] as? [String: Int] == ["index": 3, "count": 3])
        #expect(Self.cases(report).isEmpty)
        // Each format says which shard it is, with no case to tell.
        let junit = try String(contentsOfFile: "\(dir)/e.xml", encoding: .utf8)
        #expect(junit.contains("<testsuites name=\"smtpspec shard 3/3\" tests=\"0\""), "\(junit)")
        let tap = try String(contentsOfFile: "\(dir)/e.tap", encoding: .utf8)
        #expect(tap.hasPrefix("TAP version 14\n1..0\n# shard 3/3 of the suite\n"), "\(tap)")
        let html = try String(contentsOfFile: "\(dir)/e.html", encoding: .utf8)
        #expect(html.contains(" · shard 3/3 of the suite · started "), "\(html.prefix(2_000))")
        // A whole suite's reports, and a merge's, name no shard.
        let whole = try CLITests.smtpspec(["run", Self.suite[1], "--mock", "--report", "tap:\(dir)/w.tap"])
        #expect(whole.status == 0, "\(whole.error)")
        #expect(!(try String(contentsOfFile: "\(dir)/w.tap", encoding: .utf8)).contains("shard"))
    }

    @Test("when the results cannot be kept (a full disk), no case is started after it and the run exits 3")
    func spoolFailureStopsTheRun() throws {
        let dir = try Self.folder()
        let path = "\(dir)/sixty.smtp.yaml"
        try """
        name: Sixty cases
        matrix:
          n: [\((1...60).map(String.init).joined(separator: ", "))]
        steps:
          - open: mail1.fabrikam.com:25
          - ehlo: contoso.com
          - quit
        """.write(toFile: path, atomically: true, encoding: .utf8)
        // A 32 KiB limit on files this process writes (SIGXFSZ ignored, so a write past it fails with EFBIG): the
        // results spool fills after a few cases, as a full disk would.
        let outcome = try CLITests.smtpspec(
            ["run", path, "--mock", "--jobs", "2", "--no-color", "--report", "json:\(dir)/r.json"],
            launcher: ["/bin/bash", "-c", "trap '' XFSZ; ulimit -f 32; exec \"$@\"", "bash"]
        )
        #expect(outcome.status == 3, "\(outcome.output)\(outcome.error)")
        #expect(
            outcome.error.contains(": File too large (the results spool); no case was started after it"),
            "\(outcome.error)"
        )
        let played = outcome.output.split(separator: "\n").filter { $0.hasPrefix("✓") || $0.hasPrefix("✗") }.count
        #expect(played > 0 && played < 30, "\(played) played")
        #expect(outcome.error.contains(", \(60 - played) not played"), "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/r.json"))
    }

    @Test("--fail-fast with --jobs: sessions in flight finish, cases never started are skipped")
    func failFastWithJobs() throws {
        let dir = try Self.folder()
        let outcome = try CLITests.smtpspec(
            ["run", Self.suite[0], "--mock", "--jobs", "2", "--fail-fast", "--report", "json:\(dir)/f.json"]
        )
        #expect(outcome.status == 1)
        let report = try Self.json("\(dir)/f.json")
        let summary = try #require(report["summary"] as? [String: Int])
        let played = try #require(summary["total"])
        // The first failure is case 2; at most the two in flight with it, and the one started before it ended,
        // are played besides the ones before it.
        #expect((3...5).contains(played), "\(summary)")
        #expect(summary["skipped"] == 12 - played)
        #expect(outcome.output.hasSuffix(", \(12 - played) skipped\n"), "\(outcome.output)")
    }

    /// How far apart the two cases of `run FILES --mock --jobs JOBS` started, in seconds, from the JSON report's
    /// start times (to the millisecond); the run must pass. Each case holds its connection for 600 ms, so cases
    /// played at once start within a few milliseconds of each other, and one after the other at least 600 ms
    /// apart: the margins below leave room for a slow machine either way.
    static func startGap(_ files: [String], jobs: Int) throws -> TimeInterval {
        let parse = ISO8601DateFormatter()
        parse.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let dir = try folder()
        let outcome = try CLITests.smtpspec(
            ["run"] + files + ["--mock", "--jobs", "\(jobs)", "--report", "json:\(dir)/p.json"]
        )
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.hasSuffix("2 passed, 0 failed\n"), "\(outcome.output)")
        let starts = try cases(try json("\(dir)/p.json")).map { record in
            let started = try #require(record["startedAt"] as? String)
            return try #require(parse.date(from: started))
        }
        try #require(starts.count == 2)
        return abs(starts[1].timeIntervalSince(starts[0]))
    }

    /// Two cases to play at once: files of different personas (each file's capability check passes only
    /// against its own persona's mock), and two matrix cases of one file.
    static let parallelPairs = [
        ["exchange", "postfix"].map { "Tests/Fixtures/personas-parallel/\($0).smtp.yaml" },
        ["Tests/Fixtures/personas-parallel/one-file-matrix.smtp.yaml"],
    ]

    @Test(
        "--mock --jobs 2 plays two cases at once, across files of different personas and within one file",
        arguments: parallelPairs
    )
    func casesInParallel(_ files: [String]) throws {
        let together = try Self.startGap(files, jobs: 2)
        #expect(together < 0.3, "\(together)")
        // One job: the second case starts after the first has ended, so the check above can fail.
        let oneByOne = try Self.startGap(files, jobs: 1)
        #expect(oneByOne >= 0.59, "\(oneByOne)")
    }

    @Test("merging shards whose cases all passed, one of them empty, exits 0 with the usual closing line")
    func mergePassingShards() throws {
        let dir = try Self.folder()
        for index in 1...3 {
            // Shard 2 names the persona its file names: the same target written another way, so the same run.
            let mock = index == 2 ? ["--mock", "exchange"] : ["--mock"]
            let outcome = try CLITests.smtpspec(
                ["run", Self.suite[1]] + mock + ["--shard", "\(index)/3", "--report", "json:\(dir)/s\(index).json"]
            )
            #expect(outcome.status == 0, "\(outcome.error)")
        }
        let merged = try CLITests.smtpspec(
            [
                "merge", "\(dir)/s2.json", "\(dir)/s3.json", "\(dir)/s1.json", "--report", "junit:\(dir)/m.xml",
                "--report", "json:\(dir)/m.json",
            ]
        )
        #expect(merged.status == 0, "\(merged.error)")
        #expect(merged.output.hasSuffix("2 passed, 0 failed\n"), "\(merged.output)")
        let report = try Self.json("\(dir)/m.json")
        #expect(Self.cases(report).compactMap { $0["index"] as? Int } == [0, 1])
        #expect(report["mergedShards"] as? Int == 3)
        let junit = try String(contentsOfFile: "\(dir)/m.xml", encoding: .utf8)
        #expect(junit.contains("<testsuites name=\"smtpspec\" tests=\"2\" failures=\"0\""), "\(junit)")
    }
}
