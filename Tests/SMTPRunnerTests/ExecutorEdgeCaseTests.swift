import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// The executor against real misbehaving servers on 127.0.0.1 (see ``LoopbackServer``): every failure is bounded,
/// classified, and quotes what the server sent.
@Suite("Executor edge cases")
struct ExecutorEdgeCaseTests {
    @Test("a server that never answers gets a timeout failure naming the step and the limit")
    func silentServerTimesOut() async throws {
        let result = try await LoopbackServer.with([.hold]) { server in
            await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address, timeout: .milliseconds(300))]))
        }
        let run = try #require(result)
        #expect(run.status == .failed)
        let open = try #require(run.failedStep)
        #expect(open.verb == .open)
        #expect(open.location.line == 2)
        #expect(open.failure?.kind == .timeout(limit: .milliseconds(300)))
        #expect(open.failure?.message.contains("300ms") == true)
    }

    @Test("a server that goes silent after a command times out at that command")
    func silentAfterGreeting() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let result = try await LoopbackServer.with([.send("220 ready\r\n"), .readLine, .hold]) { server in
            await PlanBuilder.run(
                PlanBuilder.plan([
                    PlanBuilder.open(server.address),
                    PlanBuilder.command(
                        .ehlo,
                        PlanText(literal: "EHLO contoso.com"),
                        expect: PlanBuilder.code(250),
                        line: 3,
                        timeout: .milliseconds(200)
                    ),
                ])
            )
        }
        let failed = try #require(result?.failedStep)
        #expect(failed.verb == .ehlo)
        #expect(failed.failure?.kind == .timeout(limit: .milliseconds(200)))
        #expect(failed.failure?.primary == .transport(.timedOut(.milliseconds(200)), phase: .command))
        #expect(failed.sentLines == ["EHLO contoso.com"])
        // The 200 ms limit, not the open step's 60 s armed before it on the same connection, ends the wait.
        #expect(clock.now - started < .seconds(30))
    }

    @Test("a server that sends garbage gets a protocol defect quoting it")
    func garbageIsAProtocolDefect() async throws {
        let result = try await LoopbackServer.with([.send("HELLO there, I am not SMTP\r\n"), .hold]) { server in
            await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address)]))
        }
        let failed = try #require(result?.failedStep)
        #expect(result?.status == .failed)
        #expect(failed.failure?.kind == .protocolDefect)
        guard case .transport(let error, let phase)? = failed.failure?.primary else {
            Issue.record("expected a transport failure, got \(String(describing: failed.failure))")
            return
        }
        #expect(phase == .greeting)
        #expect(error.offendingText == "HELLO there, I am not SMTP")
    }

    @Test("a server that closes in the middle of a multi-line reply gets a defect with the partial lines")
    func closeMidReply() async throws {
        let result = try await LoopbackServer.with([.send("220-first line\r\n220-second"), .close]) { server in
            await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address)]))
        }
        let failed = try #require(result?.failedStep)
        guard case .transport(let error, _)? = failed.failure?.primary, let quoted = error.offendingText else {
            Issue.record("expected a protocol defect, got \(String(describing: failed.failure))")
            return
        }
        #expect(quoted.contains("first line"))
    }

    @Test("a server that closes without replying gets a connection-closed failure")
    func closeWithoutReply() async throws {
        let result = try await LoopbackServer.with([.send("220 ready\r\n"), .readLine, .close]) { server in
            await PlanBuilder.run(
                PlanBuilder.plan([
                    PlanBuilder.open(server.address),
                    PlanBuilder.command(.noop, PlanText(literal: "NOOP"), expect: PlanBuilder.code(250), line: 3),
                ])
            )
        }
        let failed = try #require(result?.failedStep)
        #expect(failed.verb == .noop)
        #expect(failed.failure?.kind == .connectionClosed)
    }

    @Test("plaintext injected after `220 Ready to start TLS` is reported as a defect and never acted on")
    func startTLSInjectionRefused() async throws {
        let script: [LoopbackServer.Action] = [
            .send("220 ready\r\n"),
            .readLine,
            .send("250-test\r\n250 STARTTLS\r\n"),
            .readLine,
            .send("220 2.0.0 Ready to start TLS\r\n250-injected\r\n250 AUTH PLAIN\r\n"),
            .hold,
        ]
        let result = try await LoopbackServer.with(script) { server in
            await PlanBuilder.run(
                PlanBuilder.plan([
                    PlanBuilder.open(server.address),
                    PlanBuilder.command(
                        .ehlo,
                        PlanText(literal: "EHLO contoso.com"),
                        expect: PlanBuilder.code(250),
                        line: 3
                    ),
                    PlannedStep(
                        index: 2,
                        verb: .starttls,
                        location: PlanBuilder.at(4),
                        action: .starttls(TLSPlan(verify: false)),
                        expectation: PlanBuilder.code(220),
                        // Generous: the defect ends the step at once; a loaded machine must not turn it into a timeout.
                        timeout: .seconds(60)
                    ),
                ])
            )
        }
        let run = try #require(result)
        #expect(run.status == .failed)
        let failed = try #require(run.failedStep)
        #expect(failed.verb == .starttls)
        guard case .transport(let error, _)? = failed.failure?.primary, let quoted = error.offendingText else {
            Issue.record("expected a protocol defect, got \(String(describing: failed.failure))")
            return
        }
        #expect(quoted.contains("plaintext"))
        #expect(failed.failure?.message.contains("STARTTLS command injection") == true)
        // The injected reply was never parsed: no transcript line shows it.
        #expect(!run.transcript.contains { $0.text.contains("injected") })
    }

    @Test("a closed port fails with connection refused")
    func closedPortRefused() async throws {
        let port = try await LoopbackServer.closedPort()
        let result = await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open("127.0.0.1:\(port)")]))
        let failed = try #require(result?.failedStep)
        #expect(failed.failure?.kind == .connectionFailed(.refused))
        #expect(failed.peer == "127.0.0.1:\(port)")
    }

    @Test("a step before any open is refused locally and the case is an error")
    func stepWithoutConnection() async throws {
        let result = await PlanBuilder.run(
            PlanBuilder.plan([
                PlanBuilder.command(.noop, PlanText(literal: "NOOP"), expect: PlanBuilder.code(250), line: 2)
            ])
        )
        #expect(result?.status == .error)
        #expect(result?.failedStep?.verdict == .refused)
    }
}
