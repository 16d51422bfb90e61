import Foundation
import SMTPMock
import Testing

/// `--max-per-host` through the binary against two mock servers: the cap holds on a real server that refuses a
/// connection past its own limit, and cases waiting for a full server do not hold the jobs another server could
/// use.
@Suite("The per-host cap against real servers")
struct HostCapCLITests {
    /// Runs the binary on a thread of its own, so that waiting for it never holds a thread of the concurrency pool
    /// the in-process mock servers need.
    static func smtpspecOffPool(_ arguments: [String]) async throws -> CLITests.Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try CLITests.smtpspec(arguments) })
            }.start()
        }
    }

    /// A scenario file that greets `server` and quits, `cases` times.
    static func scenario(name: String, server: String, cases: Int) -> String {
        """
        name: \(name)
        matrix:
          n: [\((1...cases).map(String.init).joined(separator: ", "))]
        steps:
          - open: \(server)
            expect: 220
          - quit:
            expect: 221
        """
    }

    @Test(
        "--jobs 3 --max-per-host 1: a slow server sees one session at a time, and a second server's case starts at once"
    )
    func capHoldsAndOtherServersProceed() async throws {
        // The golden persona greets after 600 ms; each server refuses a connection past 2 with 421 (1 plus one
        // closing at the moment the next opens), so a broken cap fails a case.
        let slow = try Persona.load(path: CLITests.root + "/Tests/Fixtures/golden/golden.persona.yaml")
        let limit = MockServerConfiguration(maxConnections: 2)
        let folder = NSTemporaryDirectory() + "smtpspec-cap-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try await withMockServer(persona: slow, configuration: limit) { slowServer in
            try await withMockServer(persona: try Persona.builtin(named: "exchange"), configuration: limit) { fast in
                try Self.scenario(name: "Slow server", server: slowServer.address.description, cases: 4)
                    .write(toFile: folder + "/a-slow.smtp.yaml", atomically: true, encoding: .utf8)
                try Self.scenario(name: "Fast server", server: fast.address.description, cases: 1)
                    .write(toFile: folder + "/b-fast.smtp.yaml", atomically: true, encoding: .utf8)
                return try await Self.smtpspecOffPool(
                    ["run", folder, "--jobs", "3", "--max-per-host", "1", "--report", "json:\(folder)/r.json"]
                )
            }
        }
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.hasSuffix("5 passed, 0 failed\n"), "\(outcome.output)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/r.json")))
        let cases = try #require((report as? [String: Any])?["cases"] as? [[String: Any]])
        #expect(cases.compactMap { $0["name"] as? String }.first?.hasPrefix("Slow server") == true)
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        func starts(_ prefix: String) throws -> [Date] {
            try cases.filter { ($0["name"] as? String)?.hasPrefix(prefix) == true }
                .compactMap { $0["startedAt"] as? String }.map { try style.parse($0) }.sorted()
        }
        let slowStarts = try starts("Slow server")
        let fastStarts = try starts("Fast server")
        try #require(slowStarts.count == 4 && fastStarts.count == 1)
        // One at a time on the slow server: its four greetings of 600 ms each take at least 2.4 s in all.
        let first = try #require(slowStarts.first)
        let last = try #require(slowStarts.last)
        #expect(last.timeIntervalSince(first) >= 1.7, "\(slowStarts)")
        // The fast server's case starts while the slow server is full with its first case (600 ms), not after it.
        // Judged by the start times, which the smtpspec process sets: the order the results printed in also
        // depends on how fast the in-process server answers, and a busy test process made that fail once.
        #expect(fastStarts[0].timeIntervalSince(first) < 0.45, "fast \(fastStarts), slow \(slowStarts)")
    }

    @Test("Files whose servers are full do not hold up the next file's server, however many cases they have")
    func laterFilesProceedPastLongFiles() async throws {
        // Four files of 100 cases, each for a server of its own with one place, then one case for a fifth server,
        // with eight jobs: each long file sets aside 64 cases (its own bound), 256 in all, which is the bound for
        // the whole suite; the fifth file must still be read at once.
        let persona = try Persona.builtin(named: "exchange")
        // Room for a closing session beside the next one: the cap itself is the first test's subject.
        let roomy = MockServerConfiguration(maxConnections: 8)
        let folder = NSTemporaryDirectory() + "smtpspec-cap-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outcome = try await withMockServer(persona: persona, configuration: roomy) { first in
            try await withMockServer(persona: persona, configuration: roomy) { second in
                try await withMockServer(persona: persona, configuration: roomy) { third in
                    try await withMockServer(persona: persona, configuration: roomy) { fourth in
                        try await withMockServer(persona: persona, configuration: roomy) { other in
                            for (index, busy) in [first, second, third, fourth].enumerated() {
                                try Self.scenario(name: "Busy \(index)", server: busy.address.description, cases: 100)
                                    .write(
                                        toFile: folder + "/a\(index)-busy.smtp.yaml",
                                        atomically: true,
                                        encoding: .utf8
                                    )
                            }
                            try Self.scenario(name: "Other server", server: other.address.description, cases: 1)
                                .write(toFile: folder + "/b-other.smtp.yaml", atomically: true, encoding: .utf8)
                            return try await Self.smtpspecOffPool(
                                [
                                    "run", folder, "--jobs", "8", "--max-per-host", "1", "--report",
                                    "json:\(folder)/r.json",
                                ]
                            )
                        }
                    }
                }
            }
        }
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.hasSuffix("401 passed, 0 failed\n"), "\(outcome.output)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/r.json")))
        let cases = try #require((report as? [String: Any])?["cases"] as? [[String: Any]])
        // The report keeps suite order.
        #expect((cases.last?["name"] as? String)?.hasPrefix("Other server") == true)
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        func starts(_ prefix: String) throws -> [Date] {
            try cases.filter { ($0["name"] as? String)?.hasPrefix(prefix) == true }
                .compactMap { $0["startedAt"] as? String }.map { try style.parse($0) }.sorted()
        }
        let busy = try starts("Busy ")
        let other = try #require(try starts("Other server").first)
        #expect(busy.count == 400)
        // The fifth server's case starts with the long files' first few, not once one of them has been read to its
        // end (at its 37th case, about the 140th in all, when the bound for the whole suite stopped every file).
        #expect(busy.count > 10 && other < busy[10], "other \(other), busy \(busy.prefix(12))")
    }
}
