import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// The runner against servers that misbehave on purpose (see ``LoopbackServer``): every case ends in a classified
/// failure, well before the step's timeout where the server floods, and never with unbounded memory.
@Suite("Hostile servers")
struct HostileServerTests {
    static let banner: [LoopbackServer.Action] = [.send("220 ready\r\n")]

    /// `open`, then `EHLO` expecting 250 with `timeout`.
    static func openAndEHLO(_ address: String, timeout: Duration = PlanBuilder.patience) -> SessionPlan {
        PlanBuilder.plan([
            PlanBuilder.open(address),
            PlanBuilder.command(
                .ehlo,
                PlanText(literal: "EHLO contoso.com"),
                expect: PlanBuilder.code(250),
                line: 3,
                timeout: timeout
            ),
        ])
    }

    /// The transport error of the failed step, or a recorded issue.
    static func transportError(_ result: ScenarioResult?) -> TransportError? {
        guard case .transport(let error, _)? = result?.failedStep?.failure?.primary else {
            Issue.record("expected a transport failure, got \(String(describing: result?.failedStep?.failure))")
            return nil
        }
        return error
    }

    @Test("an endless multi-line reply (`250-x` forever) fails the step at the reply cap, not at the timeout")
    func endlessMultiLineReply() async throws {
        let clock = ContinuousClock.now
        let result = try await LoopbackServer.with(Self.banner + [.readLine, .flood("250-x\r\n")]) { server in
            await PlanBuilder.run(Self.openAndEHLO(server.address, timeout: .seconds(300)))
        }
        let elapsed = ContinuousClock.now - clock
        let failed = try #require(result?.failedStep)
        #expect(failed.verb == .ehlo)
        #expect(failed.failure?.kind == .protocolDefect)
        guard case .defect(.replyTooLong(let lines, _, let start))? = Self.transportError(result) else {
            Issue.record("expected replyTooLong, got \(String(describing: failed.failure))")
            return
        }
        #expect(lines == ReplyParser.defaultMaxLines + 1)
        #expect(start == ["250-x", "250-x", "250-x"])
        #expect(failed.failure?.message.contains("1000 lines") == true)
        // The step's timeout is 5 minutes; the cap is hit after 7 KB. A minute leaves room for a loaded machine.
        #expect(elapsed < .seconds(60))
    }

    @Test("a continuation line with another code is a defect quoting it")
    func mixedCodes() async throws {
        let result = try await LoopbackServer.with([.send("220-a\r\n250 b\r\n"), .hold]) { server in
            await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address)]))
        }
        #expect(result?.failedStep?.failure?.kind == .protocolDefect)
        #expect(Self.transportError(result) == .defect(.mixedCodes(expected: 220, got: "250 b")))
    }

    @Test("a 1 MiB reply line is reported once as too long")
    func oneMebibyteLine() async throws {
        let line = "220 " + String(repeating: "x", count: 1 << 20) + "\r\n"
        let result = try await LoopbackServer.with([.send(line), .hold]) { server in
            await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address)]))
        }
        #expect(result?.failedStep?.failure?.kind == .protocolDefect)
        guard case .defect(.lineTooLong(let octets))? = Self.transportError(result) else {
            Issue.record("expected lineTooLong")
            return
        }
        #expect(octets > SMTPLimits.replyLine)
    }

    @Test("binary garbage (NUL, 0xFF, a TLS record header) is a malformed reply line")
    func binaryGarbage() async throws {
        let garbage: [UInt8] = [0x16, 0x03, 0x01, 0x00, 0xFF, 0xFE, 0x00, 0x0D, 0x0A]
        let result = try await LoopbackServer.with([.sendBytes(garbage), .hold]) { server in
            await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address)]))
        }
        #expect(result?.failedStep?.failure?.kind == .protocolDefect)
        guard case .defect(.malformedReplyLine)? = Self.transportError(result) else {
            Issue.record("expected malformedReplyLine")
            return
        }
    }

    @Test("a connection reset in the middle of DATA is a connection-closed failure of the data step")
    func resetMidData() async throws {
        let script = Self.banner + [.readLine, .send("354 go ahead\r\n"), .readLine, .reset]
        let result = try await LoopbackServer.with(script) { server in
            let data = PlannedStep(
                index: 1,
                verb: .data,
                location: PlanBuilder.at(3),
                action: .data(
                    DataPlan(message: PlanText(literal: "Subject: x\r\n\r\nbody\r\n"), initiationTimeout: .seconds(60))
                ),
                expectation: PlanBuilder.code(250),
                timeout: .seconds(60)
            )
            // Generous limits: the reset ends the step long before them, also on a loaded machine.
            return await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address), data]))
        }
        let failed = try #require(result?.failedStep)
        #expect(failed.verb == .data)
        #expect(failed.failure?.kind == .connectionClosed)
    }

    @Test("a greeting dripped one octet at a time does not stretch the deadline: each byte does not reset it")
    func slowlorisGreeting() async throws {
        let script: [LoopbackServer.Action] = [.drip("220 a very slow greeting\r\n", every: .milliseconds(200)), .hold]
        let result = try await LoopbackServer.with(script) { server in
            await PlanBuilder.run(
                PlanBuilder.plan([PlanBuilder.open(server.address, timeout: .milliseconds(600))])
            )
        }
        #expect(result?.failedStep?.failure?.kind == .timeout(limit: .milliseconds(600)))
    }

    @Test("421 in the middle of the session is the step's reply, a failure of its own")
    func serviceClosingMidSession() async throws {
        let script = Self.banner + [.readLine, .send("421 4.3.2 Service shutting down\r\n"), .close]
        let result = try await LoopbackServer.with(script) { server in
            await PlanBuilder.run(Self.openAndEHLO(server.address))
        }
        let failed = try #require(result?.failedStep)
        #expect(failed.verb == .ehlo)
        #expect(failed.failure?.kind == .unexpectedReply)
        #expect(failed.reply?.code.value == 421)
    }

    @Test("an enhanced code of another class than the reply code is a protocol defect even when the code matches")
    func wrongEnhancedCodeClass() async throws {
        let script = Self.banner + [.readLine, .send("250 5.1.1 looks fine\r\n"), .hold]
        let result = try await LoopbackServer.with(script) { server in
            await PlanBuilder.run(Self.openAndEHLO(server.address))
        }
        #expect(result?.failedStep?.verb == .ehlo)
        #expect(result?.failedStep?.failure?.kind == .protocolDefect)
    }

    @Test("a reply line ended by a bare LF is a defect quoting the line")
    func bareLineFeed() async throws {
        let result = try await LoopbackServer.with([.send("220 hello\n"), .hold]) { server in
            await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address)]))
        }
        #expect(Self.transportError(result) == .defect(.bareLineFeed(line: "220 hello")))
    }

    @Test("a reply sent before any command is read as the next step's reply and judged, never ignored")
    func replyBeforeAnyCommand() async throws {
        let script: [LoopbackServer.Action] = [.send("220 ready\r\n554 5.7.1 go away\r\n"), .readLine, .hold]
        let result = try await LoopbackServer.with(script) { server in
            await PlanBuilder.run(Self.openAndEHLO(server.address))
        }
        let failed = try #require(result?.failedStep)
        #expect(failed.verb == .ehlo)
        #expect(failed.reply?.code.value == 554)
        #expect(failed.failure?.kind == .unexpectedReply)
    }
}
