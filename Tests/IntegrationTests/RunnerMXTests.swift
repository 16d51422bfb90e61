import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// MX resolution through libresolv against the test dnsmasq on 127.0.0.1:5353 (Tests/Peers/dnsmasq): the
/// preferred MX of mx.smtpspec.test is dead (127.0.0.2, refused), the second is the test Postfix.
@Suite("Runner MX resolution", .enabled(if: PeerEnvironment.peersAvailable))
struct RunnerMXTests {
    /// Options that ask the test DNS server.
    private func options() throws -> RunnerOptions {
        let dns = try PeerEnvironment.requirePeer(.dnsServer)
        return RunnerOptions(dnsServer: Endpoint(host: dns.0, port: dns.1))
    }

    private func scenario(mx domain: String, each: Bool = false) -> String {
        """
        name: MX delivery
        steps:
          - open: {mx: \(domain), port: \(PeerEnvironment.postfix?.port ?? 2525)\(each ? ", each: true" : "")}
          - ehlo: contoso.com
          - mail-from: chris@contoso.com
          - rcpt: kate@fabrikam.com
          - quit
        """
    }

    @Test("open: {mx: …} falls through the dead preferred MX to the working host")
    func fallsThroughToWorkingMX() async throws {
        _ = try PeerEnvironment.requirePeer(.postfix)
        let domain = PeerEnvironment.mxDomain ?? "mx.smtpspec.test"
        let result = try await RunnerHarness.runOne(scenario(mx: domain), options: try options())
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let open = try RunnerHarness.step(result, 0)
        #expect(open.peer?.contains("mx-live.smtpspec.test") == true)
        let notes = result.transcript.filter { $0.direction == .note }.map(\.text)
        #expect(notes.contains { $0.contains("MX for \(domain): 10 mx-dead.smtpspec.test, 20 mx-live.smtpspec.test") })
        #expect(notes.contains { $0.contains("mx-dead.smtpspec.test") && $0.contains("refused") })
    }

    @Test("each: true makes one case per MX host: the dead one fails, the live one passes")
    func eachMXIsACase() async throws {
        _ = try PeerEnvironment.requirePeer(.postfix)
        let domain = PeerEnvironment.mxDomain ?? "mx.smtpspec.test"
        let compiled = try RunnerHarness.compile(scenario(mx: domain, each: true))
        let results = await ScenarioRunner(options: try options()).run(compiled)
        try #require(results.count == 2)
        #expect(results[0].caseName == "MX delivery [MX 10 mx-dead.smtpspec.test]")
        #expect(results[0].status == .failed)
        #expect(results[0].failedStep?.verb == .open)
        #expect(results[0].failedStep?.failure?.kind == .connectionFailed(.refused))
        #expect(results[1].caseName == "MX delivery [MX 20 mx-live.smtpspec.test]")
        #expect(results[1].status == .passed, "\(RunnerHarness.transcript(results[1]))")
        #expect(RunSummary(results).description == "1 passed, 1 failed")
    }

    @Test("a domain without MX records falls back to its address record (RFC 5321 §5.1)")
    func fallsBackToAddressRecord() async throws {
        _ = try PeerEnvironment.requirePeer(.postfix)
        let result = try await RunnerHarness.runOne(scenario(mx: "nomx.example.test"), options: try options())
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(try RunnerHarness.step(result, 0).peer?.contains("nomx.example.test") == true)
        // The transcript calls it the implicit-MX fallback, not an MX record.
        let lines = result.transcript.map(\.description)
        #expect(lines.contains { $0.contains("implicit MX: nomx.example.test has no MX records") }, "\(lines)")
        #expect(!lines.contains { $0.contains("MX 0 nomx.example.test") }, "\(lines)")
    }

    @Test("a nonexistent domain and an MX host that does not resolve fail as DNS failures")
    func dnsFailures() async throws {
        for domain in ["nosuch.test", "dangling.test"] {
            let result = try await RunnerHarness.runOne(scenario(mx: domain), options: try options())
            #expect(result.status == .failed)
            #expect(result.failedStep?.failure?.kind == .connectionFailed(.dnsFailure), "\(domain)")
        }
    }
}
