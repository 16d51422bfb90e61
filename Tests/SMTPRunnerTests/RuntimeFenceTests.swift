import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// The wire fence at run time: a value filled in from a reply is refused where it lands, nothing of the step is
/// sent, and the refusal is typed.
@Suite("The wire fence at run time")
struct RuntimeFenceTests {
    private let greeting: [LoopbackServer.Action] = [.send("220 test.example ESMTP\r\n")]

    /// NOOP whose reply is captured whole into `x` (`(?s)` spans the lines of a multi-line reply).
    private func noopCapturing(_ pattern: String = "(?s)^(.*)$") -> PlannedStep {
        PlanBuilder.command(
            .noop,
            PlanText(literal: "NOOP"),
            expect: PlanBuilder.code(250),
            line: 3,
            captures: [Capture(name: "x", pattern: pattern, location: PlanBuilder.at(4))]
        )
    }

    private func step(_ verb: Verb, _ action: PlannedAction, expect: Int = 250) -> PlannedStep {
        PlannedStep(
            index: 5,
            verb: verb,
            location: PlanBuilder.at(5),
            action: action,
            expectation: PlanBuilder.code(expect),
            timeout: PlanBuilder.patience
        )
    }

    /// Plays OPEN, the capturing NOOP (whose reply is `reply`) and `last`; returns the result and what the server
    /// read.
    private func play(reply: String, then last: PlannedStep) async throws -> (ScenarioResult?, [String]) {
        let script = greeting + [.readLine, .send(reply), .hold]
        return try await LoopbackServer.with(script) { server in
            let plan = PlanBuilder.plan([PlanBuilder.open(server.address), noopCapturing(), last])
            return (await PlanBuilder.run(plan), server.receivedLines)
        }
    }

    /// The refused step's one mismatch, which must be a fence refusal.
    private func fenceRefusal(_ result: ScenarioResult?) throws -> (WireFenceViolation, String, [String]) {
        let failed = try #require(result?.failedStep)
        #expect(failed.verdict == .refused)
        #expect(failed.failure?.kind == .localRefusal)
        #expect(result?.status == .error)
        guard case .refused(.fence(let violation, let what, let captures))? = failed.failure?.mismatches.first else {
            Issue.record("not a fence refusal: \(String(describing: failed.failure))")
            throw RefusalMissing()
        }
        return (violation, what, captures)
    }

    private struct RefusalMissing: Error {}

    @Test("a NUL captured from a reply is refused in a command line; the line is never sent")
    func nulInCommand() async throws {
        let (result, lines) = try await play(
            reply: "250 kate\u{0}root\r\n",
            then: PlanBuilder.command(
                .vrfy,
                PlanText([.literal("VRFY "), .capture("x")]),
                expect: PlanBuilder.code(250),
                line: 5
            )
        )
        let (violation, what, captures) = try fenceRefusal(result)
        #expect(violation.kind == .nul && violation.slot == .commandLine)
        #expect(what == "the command line")
        #expect(captures == ["x"])
        #expect(lines == ["NOOP"])
        let message = try #require(result?.failedStep?.failure?.message)
        #expect(message.contains("NUL (\\0)"))
        #expect(!message.contains("\u{0}"))
    }

    @Test("a capture is fenced as a credential in AUTH: a NUL would add a PLAIN field; nothing is sent")
    func nulInCredential() async throws {
        let auth = step(
            .auth,
            .auth(
                AuthPlan(
                    mechanism: .plain,
                    username: PlanText([.capture("x")]),
                    password: PlanText([.secret("pa55word")]),
                    allowPlaintext: true
                )
            ),
            expect: 235
        )
        let (result, lines) = try await play(reply: "250 chris\u{0}admin\r\n", then: auth)
        let (violation, what, _) = try fenceRefusal(result)
        #expect(violation.kind == .nul && violation.slot == .credential)
        #expect(what == "the AUTH user name")
        #expect(lines == ["NOOP"])
    }

    @Test("a multi-line capture in a header value is refused: no header line is injected, DATA is never sent")
    func headerInjection() async throws {
        let message = PlanText([.literal("Subject: s"), .capture("x"), .literal("\r\n\r\nhello\r\n")])
        let data = step(
            .data,
            .data(
                DataPlan(
                    message: message,
                    initiationTimeout: PlanBuilder.patience,
                    fences: [
                        FencedText(
                            PlanText([.literal("s"), .capture("x")]),
                            slot: .headerValue,
                            what: "header 'Subject'"
                        )
                    ]
                )
            )
        )
        let (result, lines) = try await play(reply: "250-first\r\n250 Bcc: victim@evil.test\r\n", then: data)
        let (violation, what, _) = try fenceRefusal(result)
        #expect(violation.kind == .lineBreak && violation.slot == .headerValue)
        #expect(what == "header 'Subject'")
        #expect(lines == ["NOOP"])
    }

    @Test("a capture in a header name must be ftext")
    func headerName() async throws {
        let data = step(
            .data,
            .data(
                DataPlan(
                    message: PlanText([.literal("X-"), .capture("x"), .literal(": v\r\n\r\nhello\r\n")]),
                    initiationTimeout: PlanBuilder.patience,
                    fences: [
                        FencedText(PlanText([.literal("X-"), .capture("x")]), slot: .headerName, what: "a header name")
                    ]
                )
            )
        )
        let (result, lines) = try await play(reply: "250 a: b\r\n", then: data)
        let (violation, _, _) = try fenceRefusal(result)
        #expect(violation.kind == .notFieldName)
        #expect(lines == ["NOOP"])
    }

    @Test("a NUL captured into a DATA body is refused: 7bit and 8bit data hold none")
    func nulInBody() async throws {
        let data = step(
            .data,
            .data(
                DataPlan(
                    message: PlanText([.literal("Subject: s\r\n\r\n"), .capture("x")]),
                    initiationTimeout: PlanBuilder.patience
                )
            )
        )
        let (result, lines) = try await play(reply: "250 a\u{0}b\r\n", then: data)
        let (violation, what, _) = try fenceRefusal(result)
        #expect(violation.kind == .nul && violation.slot == .messageText)
        #expect(what == "the message")
        #expect(lines == ["NOOP"])
    }

    @Test("a refusal names only what the server's replies filled in, not the case's own number in its Message-ID")
    func refusalNamesOnlyReplyCaptures() async throws {
        // As the compiler writes a generated Message-ID: the case's number is filled in by the runner.
        let messageID = PlanText([
            .literal("Message-ID: <smtpspec.run."), .capture(SessionPlan.caseNumberCapture), .literal(".1@x>\r\n"),
        ])
        let data = step(
            .data,
            .data(
                DataPlan(
                    message: messageID + PlanText([.literal("Subject: s\r\n\r\n"), .capture("x")]),
                    initiationTimeout: PlanBuilder.patience
                )
            )
        )
        let (result, lines) = try await play(reply: "250 a\u{0}b\r\n", then: data)
        let (violation, _, captures) = try fenceRefusal(result)
        #expect(violation.kind == .nul)
        #expect(captures == ["x"])
        #expect(lines == ["NOOP"])
    }

    @Test("a capture that is clean passes the fence and is sent")
    func cleanCapturePasses() async throws {
        let script = greeting + [.readLine, .send("250 kate\r\n"), .readLine, .send("252 ok\r\n"), .hold]
        let (result, lines) = try await LoopbackServer.with(script) { server in
            let plan = PlanBuilder.plan([
                PlanBuilder.open(server.address), noopCapturing(),
                PlanBuilder.command(
                    .vrfy,
                    PlanText([.literal("VRFY "), .capture("x")]),
                    expect: PlanBuilder.code(252),
                    line: 5
                ),
            ])
            return (await PlanBuilder.run(plan), server.receivedLines)
        }
        #expect(result?.status == .passed)
        #expect(lines == ["NOOP", "VRFY kate"])
    }
}
