import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// STARTTLS against the real Postfix with the test CA that `scripts/peers.sh` generates: verification on by
/// default, `ca-file`, `server-name` and `verify: false`, and the certificate facts recorded afterwards.
@Suite("Runner STARTTLS against Postfix", .enabled(if: PeerEnvironment.peersAvailable))
struct RunnerTLSTests {
    /// EHLO, STARTTLS with `tls` settings, EHLO again (STARTTLS no longer offered), a message, QUIT.
    static func scenario(starttls tls: String, expectTLS: String = "") -> String {
        """
        name: STARTTLS
        steps:
          - open: ${server}
          - ehlo: contoso.com
            expect:
              reply: 250
              capabilities: [STARTTLS]
          - starttls: \(tls)
        \(expectTLS)
          - ehlo: contoso.com
            expect:
              reply: 250
              lacks: [STARTTLS]
          - mail-from: chris@contoso.com
          - rcpt: kate@fabrikam.com
          - data: "Subject: over TLS\\r\\n\\r\\nsent after STARTTLS\\r\\n"
          - quit
        """
    }

    @Test("STARTTLS verified against the test CA; EHLO afterwards no longer offers STARTTLS; facts recorded")
    func verifiedAgainstTestCA() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let caFile = try #require(PeerEnvironment.testCAPath)
        let serverName = PeerEnvironment.tlsServerName ?? "mail.smtpspec.test"
        let yaml = Self.scenario(
            starttls: "{ca-file: \(caFile), server-name: \(serverName)}",
            expectTLS: """
                    expect:
                      reply: 220
                      tls: {valid-days: ">= 14", version: "1.2", subject: "CN=\(serverName)", san: \(serverName)}
                """
        )
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let starttls = try RunnerHarness.step(result, 2)
        let facts = try #require(starttls.tls)
        #expect(facts.verified)
        #expect(facts.serverName == serverName)
        #expect(facts.version == "1.2" || facts.version == "1.3")
        #expect(facts.subject?.contains("CN=\(serverName)") == true)
        #expect(facts.issuer?.contains("smtpspec test CA") == true)
        #expect(facts.subjectAlternativeNames.contains(serverName))
        #expect(facts.subjectAlternativeNames.contains("127.0.0.1"))
        let days = try #require(facts.daysLeft)
        #expect((1...400).contains(days))
        // The second EHLO went over TLS and Postfix no longer offered STARTTLS.
        let secondEHLO = try RunnerHarness.step(result, 3)
        let capabilities = EHLOCapabilities(reply: try #require(secondEHLO.reply))
        #expect(!capabilities.supportsStartTLS)
        #expect(capabilities.supportsPipelining)
    }

    @Test("verification checks the address connected to when no server-name is given (the cert has IP SANs)")
    func verifiedByAddress() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let caFile = try #require(PeerEnvironment.testCAPath)
        let result = try await RunnerHarness.runOne(
            Self.scenario(starttls: "{ca-file: \(caFile)}"),
            vars: ["server": RunnerHarness.address(postfix)]
        )
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
    }

    @Test("STARTTLS without the test CA fails with a clear certificate verification error")
    func failsWithoutCA() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let result = try await RunnerHarness.runOne(
            Self.scenario(starttls: "{server-name: mail.smtpspec.test}"),
            vars: ["server": RunnerHarness.address(postfix)]
        )
        #expect(result.status == .failed)
        let failed = try #require(result.failedStep)
        #expect(failed.verb == .starttls)
        #expect(failed.location.line == 8)
        #expect(failed.reply?.code.value == 220)
        #expect(failed.failure?.kind == .tlsFailure)
        let message = try #require(failed.failure?.message)
        #expect(message.contains("certificate verification failed"))
        #expect(message.contains("ca-file"))
        // Nothing is sent in plaintext after the failed handshake.
        #expect(
            !result.transcript.contains {
                $0.description.hasPrefix("C: EHLO") && $0.offset > failed.duration + .seconds(3600)
            }
        )
        #expect(result.steps.count == 3)
    }

    @Test("a server name the certificate does not carry fails the host name check")
    func wrongServerNameFails() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let caFile = try #require(PeerEnvironment.testCAPath)
        let result = try await RunnerHarness.runOne(
            Self.scenario(starttls: "{ca-file: \(caFile), server-name: wrong-name.smtpspec.test}"),
            vars: ["server": RunnerHarness.address(postfix)]
        )
        #expect(result.status == .failed)
        let failed = try #require(result.failedStep)
        #expect(failed.verb == .starttls)
        #expect(failed.failure?.kind == .tlsFailure)
    }

    @Test("verify: false accepts the certificate unverified and still records its facts")
    func verifyFalse() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let result = try await RunnerHarness.runOne(
            Self.scenario(starttls: "{verify: false}"),
            vars: ["server": RunnerHarness.address(postfix)]
        )
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let facts = try #require(try RunnerHarness.step(result, 2).tls)
        #expect(!facts.verified)
        #expect(facts.subject?.contains("mail.smtpspec.test") == true)
    }

    @Test("a certificate check that does not hold fails the starttls step")
    func tlsFactCheckFails() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let caFile = try #require(PeerEnvironment.testCAPath)
        let yaml = Self.scenario(
            starttls: "{ca-file: \(caFile), server-name: mail.smtpspec.test}",
            expectTLS: """
                    expect:
                      reply: 220
                      tls: {valid-days: ">= 400"}
                """
        )
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .failed)
        let failed = try #require(result.failedStep)
        #expect(failed.verb == .starttls)
        #expect(failed.failure?.kind == .tlsFailure)
        guard case .tls(let fact)? = failed.failure?.primary else {
            Issue.record("expected a TLS fact mismatch, got \(String(describing: failed.failure))")
            return
        }
        #expect(fact.fact == .validDays)
        #expect(fact.expected == ">= 400")
        #expect(fact.observed.flatMap { Int($0) } != nil)
    }

    @Test("AUTH before TLS is refused locally: nothing is sent and the case is an error")
    func authBeforeTLSRefused() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: AUTH in clear
            steps:
              - open: ${server}
              - ehlo: contoso.com
              - auth:
                  mechanism: plain
                  username: chris
                  password: ${env:SMTPSPEC_RUNNER_TEST_PASSWORD:-s3cret-pa55}
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .error)
        let refused = try #require(result.failedStep)
        #expect(refused.verb == .auth)
        #expect(refused.verdict == .refused)
        #expect(refused.failure?.kind == .localRefusal)
        #expect(refused.sentLines.isEmpty)
        let lines = result.transcript.map(\.description)
        #expect(!lines.contains { $0.hasPrefix("C: AUTH") })
        #expect(!lines.contains { $0.contains("s3cret-pa55") })
    }

    @Test("implicit TLS (open with tls: implicit) verifies the certificate before the greeting and records facts")
    func implicitTLS() async throws {
        _ = try PeerEnvironment.requirePeer(.postfix)
        let caFile = try #require(PeerEnvironment.testCAPath)
        let certificate = try #require(PeerEnvironment.value("SMTPSPEC_TLS_CERT"))
        let key = try #require(PeerEnvironment.value("SMTPSPEC_TLS_KEY"))
        let result = try await RunnerImplicitTLSServer.with(certificate: certificate, key: key) { port in
            try await RunnerHarness.runOne(
                """
                name: SMTPS
                steps:
                  - open: {host: 127.0.0.1, port: \(port), tls: implicit, ca-file: \(caFile), server-name: mail.smtpspec.test}
                    expect:
                      reply: 220
                      tls: {valid-days: ">= 14", san: mail.smtpspec.test}
                  - ehlo: contoso.com
                  - quit
                """
            )
        }
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let facts = try #require(try RunnerHarness.step(result, 0).tls)
        #expect(facts.verified)
        #expect(facts.subject?.contains("CN=mail.smtpspec.test") == true)
    }

    @Test("implicit TLS without the CA fails at open with a verification error")
    func implicitTLSWithoutCA() async throws {
        _ = try PeerEnvironment.requirePeer(.postfix)
        let certificate = try #require(PeerEnvironment.value("SMTPSPEC_TLS_CERT"))
        let key = try #require(PeerEnvironment.value("SMTPSPEC_TLS_KEY"))
        let result = try await RunnerImplicitTLSServer.with(certificate: certificate, key: key) { port in
            try await RunnerHarness.runOne(
                """
                name: SMTPS unverified
                steps:
                  - open: {host: 127.0.0.1, port: \(port), tls: implicit}
                  - quit
                """
            )
        }
        #expect(result.status == .failed)
        let failed = try #require(result.failedStep)
        #expect(failed.verb == .open)
        #expect(failed.failure?.kind == .tlsFailure)
        #expect(failed.failure?.message.contains("certificate verification failed") == true)
    }
}
