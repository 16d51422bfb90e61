import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// Captures, redaction, AUTH, DATA and retries, each against a scripted server on 127.0.0.1.
@Suite("Session behaviour")
struct SessionBehaviourTests {
    private let greeting: [LoopbackServer.Action] = [.send("220 test.example ESMTP\r\n")]

    @Test("a capture becomes a variable that later command lines use")
    func captureFeedsLaterStep() async throws {
        let script =
            greeting + [.readLine, .send("250 2.0.0 token=ABC123 ok\r\n"), .readLine, .send("250 2.0.0 Ok\r\n"), .hold]
        let (result, lines) = try await LoopbackServer.with(script) { server in
            let plan = PlanBuilder.plan([
                PlanBuilder.open(server.address),
                PlanBuilder.command(
                    .noop,
                    PlanText(literal: "NOOP"),
                    expect: PlanBuilder.code(250),
                    line: 3,
                    captures: [Capture(name: "token", pattern: "token=([A-Z0-9]+)", location: PlanBuilder.at(4))]
                ),
                PlanBuilder.command(
                    .send,
                    PlanText([.literal("XTOKEN "), .capture("token")]),
                    expect: PlanBuilder.code(250),
                    line: 5
                ),
            ])
            return (await PlanBuilder.run(plan), server.receivedLines)
        }
        #expect(result?.status == .passed)
        #expect(lines == ["NOOP", "XTOKEN ABC123"])
        #expect(result?.steps[1].captured == ["token": "ABC123"])
        #expect(result?.steps[2].sentLines == ["XTOKEN ABC123"])
    }

    @Test("a capture that would put a line break into a command is refused; nothing is sent")
    func captureInjectionRefused() async throws {
        let script = greeting + [.readLine, .send("250-first\r\n250 RSET\r\n"), .hold]
        let (result, lines) = try await LoopbackServer.with(script) { server in
            let plan = PlanBuilder.plan([
                PlanBuilder.open(server.address),
                PlanBuilder.command(
                    .noop,
                    PlanText(literal: "NOOP"),
                    expect: PlanBuilder.code(250),
                    line: 3,
                    captures: [Capture(name: "all", pattern: "(?s)(first.*)", location: PlanBuilder.at(4))]
                ),
                PlanBuilder.command(
                    .vrfy,
                    PlanText([.literal("VRFY "), .capture("all")]),
                    expect: PlanBuilder.code(250),
                    line: 5
                ),
            ])
            return (await PlanBuilder.run(plan), server.receivedLines)
        }
        #expect(result?.status == .error)
        let refused = try #require(result?.failedStep)
        #expect(refused.verb == .vrfy)
        #expect(refused.verdict == .refused)
        #expect(refused.failure?.kind == .localRefusal)
        #expect(lines.first == "NOOP")
        #expect(!lines.contains { $0.hasPrefix("VRFY") })
    }

    @Test("secrets never appear in the transcript or results, even when the server echoes them")
    func secretsRedacted() async throws {
        let script = greeting + [.readLine, .send("250 2.0.0 you said hunter22\r\n"), .hold]
        let result = try await LoopbackServer.with(script) { server in
            let plan = PlanBuilder.plan(
                [
                    PlanBuilder.open(server.address),
                    PlanBuilder.command(
                        .send,
                        PlanText([.literal("XSECRET "), .secret("hunter22")]),
                        expect: PlanBuilder.code(250),
                        line: 3
                    ),
                ],
                secrets: ["hunter22"]
            )
            return await PlanBuilder.run(plan)
        }
        let run = try #require(result)
        #expect(run.status == .passed)
        #expect(!String(describing: run).contains("hunter22"))
        #expect(run.transcript.contains { $0.description == "C: XSECRET ******" })
        #expect(run.transcript.contains { $0.description == "S: 250 2.0.0 you said ******" })
    }

    @Test("AUTH LOGIN over plaintext when allowed: every payload line is shown as ******")
    func authLoginRedacted() async throws {
        let script =
            greeting + [
                .readLine, .send("334 VXNlcm5hbWU6\r\n"), .readLine, .send("334 UGFzc3dvcmQ6\r\n"), .readLine,
                .send("235 2.7.0 Authentication successful\r\n"), .hold,
            ]
        let (result, lines) = try await LoopbackServer.with(script) { server in
            let auth = PlannedStep(
                index: 1,
                verb: .auth,
                location: PlanBuilder.at(3),
                action: .auth(
                    AuthPlan(
                        mechanism: .login,
                        username: PlanText(literal: "chris"),
                        password: PlanText([.secret("pa55word")]),
                        allowPlaintext: true
                    )
                ),
                expectation: PlanBuilder.code(235),
                timeout: PlanBuilder.patience
            )
            return (
                await PlanBuilder.run(
                    PlanBuilder.plan([PlanBuilder.open(server.address), auth], secrets: ["pa55word"])
                ),
                server.receivedLines
            )
        }
        #expect(result?.status == .passed)
        #expect(lines == ["AUTH LOGIN", "Y2hyaXM=", "cGE1NXdvcmQ="])
        #expect(result?.steps[1].sentLines == ["AUTH LOGIN", "******", "******"])
        #expect(result?.steps[1].intermediateReplies.count == 2)
        #expect(result?.transcript.contains { $0.text.contains("cGE1NXdvcmQ=") } == false)
    }

    @Test("DATA refused: the refusal is the step's reply and no message is sent")
    func dataRefused() async throws {
        let script = greeting + [.readLine, .send("554 5.5.1 Error: no valid recipients\r\n"), .hold]
        let (result, lines) = try await LoopbackServer.with(script) { server in
            let data = PlannedStep(
                index: 1,
                verb: .data,
                location: PlanBuilder.at(3),
                action: .data(
                    DataPlan(
                        message: PlanText(literal: "Subject: x\r\n\r\nbody\r\n"),
                        initiationTimeout: PlanBuilder.patience
                    )
                ),
                expectation: PlanBuilder.code(250),
                timeout: PlanBuilder.patience
            )
            return (
                await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address), data])), server.receivedLines
            )
        }
        let failed = try #require(result?.failedStep)
        #expect(failed.verb == .data)
        #expect(failed.reply?.code.value == 554)
        #expect(failed.intermediateReplies.isEmpty)
        #expect(lines.first == "DATA")
        #expect(!lines.contains("Subject: x"))
    }

    @Test("DATA accepted: the message is dot-stuffed and the reply to the final dot is the step's")
    func dataDotStuffed() async throws {
        let script =
            greeting + [
                .readLine, .send("354 go ahead\r\n"), .readLine, .readLine, .readLine, .readLine,
                .send("250 2.0.0 Ok: queued as 42\r\n"), .hold,
            ]
        let (result, lines) = try await LoopbackServer.with(script) { server in
            let data = PlannedStep(
                index: 1,
                verb: .data,
                location: PlanBuilder.at(3),
                action: .data(
                    DataPlan(
                        message: PlanText(literal: "Subject: x\r\n\r\n.hidden\r\n"),
                        initiationTimeout: PlanBuilder.patience
                    )
                ),
                expectation: PlanBuilder.code(250),
                timeout: PlanBuilder.patience
            )
            return (
                await PlanBuilder.run(PlanBuilder.plan([PlanBuilder.open(server.address), data])), server.receivedLines
            )
        }
        #expect(result?.status == .passed)
        #expect(lines == ["DATA", "Subject: x", "", "..hidden", "."])
        #expect(result?.steps[1].reply?.code.value == 250)
        #expect(result?.steps[1].intermediateReplies.first?.code.value == 354)
    }

    @Test("retry re-runs the whole session when the failing reply matches `on`, up to `attempts`")
    func retryOnGreylisting() async throws {
        let script =
            greeting + [
                .readLine, .send("451 4.7.1 Greylisted, try again later\r\n"), .readLine, .send("221 bye\r\n"), .close,
            ]
        let result = try await LoopbackServer.with(script) { server in
            let plan = PlanBuilder.plan([
                PlanBuilder.open(server.address),
                PlanBuilder.command(
                    .rcpt,
                    PlanText(literal: "RCPT TO:<kate@fabrikam.com>"),
                    expect: PlanBuilder.replyClass(2),
                    line: 3
                ),
            ])
            let policy = RetryPolicy(
                on: [ReplyPattern(code: .replyClass(4))],
                attempts: 3,
                delay: .milliseconds(10),
                location: PlanBuilder.at(1)
            )
            return await PlanBuilder.run(plan, retry: policy)
        }
        #expect(result?.status == .failed)
        #expect(result?.attempts == 3)
        #expect(result?.failedStep?.reply?.code.value == 451)
    }

    @Test("a failure that does not match `on` is not retried")
    func noRetryOnPermanentFailure() async throws {
        let script =
            greeting + [.readLine, .send("550 5.1.1 User unknown\r\n"), .readLine, .send("221 bye\r\n"), .close]
        let result = try await LoopbackServer.with(script) { server in
            let plan = PlanBuilder.plan([
                PlanBuilder.open(server.address),
                PlanBuilder.command(
                    .rcpt,
                    PlanText(literal: "RCPT TO:<x@fabrikam.com>"),
                    expect: PlanBuilder.replyClass(2),
                    line: 3
                ),
            ])
            let policy = RetryPolicy(
                on: [ReplyPattern(code: .replyClass(4))],
                attempts: 3,
                delay: .milliseconds(10),
                location: PlanBuilder.at(1)
            )
            return await PlanBuilder.run(plan, retry: policy)
        }
        #expect(result?.attempts == 1)
    }

    @Test("a capture that matches nothing is noted; a later step that needs it is refused, nothing sent")
    func unmatchedCapture() async throws {
        let script = greeting + [.readLine, .send("250 2.0.0 Ok\r\n"), .hold]
        let (result, lines) = try await LoopbackServer.with(script) { server in
            let plan = PlanBuilder.plan([
                PlanBuilder.open(server.address),
                PlanBuilder.command(
                    .noop,
                    PlanText(literal: "NOOP"),
                    expect: PlanBuilder.code(250),
                    line: 3,
                    captures: [Capture(name: "id", pattern: "<([^>]+)>", location: PlanBuilder.at(4))]
                ),
                PlanBuilder.command(
                    .vrfy,
                    PlanText([.literal("VRFY "), .capture("id")]),
                    expect: PlanBuilder.code(250),
                    line: 5
                ),
            ])
            return (await PlanBuilder.run(plan), server.receivedLines)
        }
        let run = try #require(result)
        #expect(run.steps[1].verdict == .passed)
        #expect(run.transcript.contains { $0.direction == .note && $0.text.contains("capture 'id'") })
        let refused = try #require(run.failedStep)
        #expect(refused.verb == .vrfy)
        #expect(refused.failure?.kind == .localRefusal)
        #expect(refused.failure?.message.contains("${id}") == true)
        #expect(lines == ["NOOP"])
    }
}
