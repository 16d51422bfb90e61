import SMTPMessage
import SMTPScenario
import Testing

/// The mail-flow language: `capture:`, `await-message`, `await-dsn`, and everything the compiler refuses about
/// them before anything is sent.
@Suite("Mail flow: compiling captures and await steps")
struct MailFlowCompileTests {
    static let head = """
        capture:
          relay-sink: {listen: 127.0.0.1:2526, persona: sink}
        steps:
          - open: 127.0.0.1:2525
          - ehlo: client.example
          - mail-from: {address: chris@relay.example, envid: "case-${case.id}"}
          - rcpt: kate@relay.example
            notify: [success, failure]
          - data: {subject: "flow ${case.id}", body: hello}
          - quit

        """

    @Test("await-message and await-dsn wait for the Message-ID and ENVID the case sent")
    func identity() throws {
        let result = compile(
            Self.head + """
                  - await-message: {at: relay-sink, to: kate@relay.example, within: 30s}
                    expect:
                      headers: {Subject: '^flow ', Received: present, X-Spam-Flag: absent}
                      body: hello
                      envelope-from: chris@relay.example
                  - await-dsn: {at: relay-sink}
                    expect: {action: relayed, status: 2.x.x, recipient: kate@relay.example}
                """
        )
        let scenario = try #require(result.scenario, "\(result.rendered())")
        #expect(scenario.captureServers.map(\.name) == ["relay-sink"])
        #expect(scenario.captureServers.first?.listen.description == "127.0.0.1:2526")
        #expect(scenario.captureServers.first?.persona == "sink")
        let steps = try #require(scenario.cases.first?.steps)
        guard case .data(let data) = steps[4].action, case .arrival(let message) = steps[6].action,
            case .arrival(let dsn) = steps[7].action
        else {
            Issue.record("unexpected actions: \(steps.map(\.verb))")
            return
        }
        let sentID = try #require(Message(parsing: data.message.wire()).headers["Message-ID"])
        #expect(message.messageID.wire() == sentID.trimmingCharacters(in: .whitespaces))
        #expect(message.kind == .message)
        #expect(message.within == .seconds(30))
        #expect(message.recipient?.wire() == "kate@relay.example")
        #expect(message.source == .capture(name: "relay-sink", listen: .init(host: "127.0.0.1", port: 2526)))
        guard case .message(let checks) = message.expectation else {
            Issue.record("expected message checks")
            return
        }
        #expect(checks.headers.map(\.description) == ["Subject =~ /^flow /", "Received present", "X-Spam-Flag absent"])
        #expect(checks.body == "hello")
        #expect(checks.envelopeFrom?.wire() == "chris@relay.example")
        #expect(dsn.kind == .dsn)
        #expect(dsn.within == AwaitPlan.defaultWithin)
        #expect(dsn.envelopeID?.wire().hasPrefix("case-") == true)
        #expect(
            dsn.expectation
                == .dsn(
                    DSNExpectation(
                        action: .relayed,
                        status: .init("2.x.x"),
                        recipient: .init(literal: "kate@relay.example")
                    )
                )
        )
    }

    @Test("A raw message is found by its own Message-ID header; expect: none is 'nothing arrives'")
    func rawMessage() throws {
        let text = """
            steps:
              - open: 127.0.0.1:2525
              - ehlo: client.example
              - mail-from: chris@example.com
              - rcpt: kate@example.com
                notify: never
              - data: "Subject: raw\\nMessage-ID: <raw-1@example.com>\\n\\nbody\\n"
              - await-dsn: {at: {maildir: mail/chris}, within: 2s}
                expect: none
            """
        let steps = try steps(text)
        // The same Message-ID in every case and run: a warning says so; with ${case.id} in it, none.
        let warnings = compile(text).diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(
            warnings.contains { $0.contains("waits for a Message-ID that is the same in every case and every run") }
        )
        let perCase = compile(text.replacingOccurrences(of: "<raw-1@", with: "<raw-${case.id}@")).diagnostics
        #expect(!perCase.contains { $0.severity == .warning })
        guard case .arrival(let awaited) = steps[5].action else {
            Issue.record("not an await step")
            return
        }
        #expect(awaited.messageID.wire() == "<raw-1@example.com>")
        #expect(awaited.expectation == .nothing)
        #expect(awaited.source == .maildir(path: "./mail/chris"))
    }

    @Test(
        "Mistakes are compile errors at their place, before anything is sent",
        arguments: [
            ("steps:\n  - await-message: {at: mock}\n", "'await-message' comes before any message is sent @ 2:5"),
            (
                head + "  - await-message: {at: relay-snk}\n",
                "'at: relay-snk' names no capture @ 11:25"
            ),
            (
                "capture:\n  mock: {listen: 2526}\nsteps:\n  - quit\n",
                "'mock' cannot name a capture @ 2:3"
            ),
            (
                head + "  - await-message: {at: relay-sink}\n    within: 5s\n",
                "'within' does not apply to 'await-message' @ 12:5"
            ),
            (
                head + "  - await-dsn: {at: relay-sink}\n    expect: {action: bounced}\n",
                "'action' must be one of delivered, relayed, expanded, delayed, failed, not 'bounced' @ 12:22"
            ),
            (
                head + "  - await-message: {at: relay-sink, within: 2h}\n",
                "'within' of 'await-message' must be more than 0 and at most 1h @ 11:45"
            ),
            (
                head
                    + "  - await-message:\n      at: {imap: {host: 127.0.0.1, tls: none, username: kate, password: x}}\n",
                "'imap' with 'tls: none' would send the password in clear @ 12:41"
            ),
            (
                "steps:\n  - open: 127.0.0.1:2525\n  - data: \"Subject: x\\n\\nbody\\n\"\n  - await-message: {at: mock}\n",
                "'await-message' cannot tell this case's message: it has no Message-ID header with a valid <id@domain> @ 4:5"
            ),
            (
                "capture:\n  a: {listen: 2526}\n  b: {listen: 127.0.0.1:2526}\nsteps:\n  - quit\n",
                "captures 'a' and 'b' both listen on 127.0.0.1:2526 @ 3:15"
            ),
            (
                head + "  - pipeline:\n      - await-message: {at: relay-sink}\n",
                "'await-message' cannot be pipelined @ 12:9"
            ),
            (
                "steps:\n  - open: 127.0.0.1:2525\n  - data: {headers: {Message-ID: not-a-msg-id}, body: x}\n"
                    + "  - await-message: {at: mock}\n",
                "'await-message' cannot tell this case's message: its Message-ID header is not an RFC 5322 msg-id "
                    + "(<left@right>) @ 4:5"
            ),
            (
                "capture:\n  out: {listen: 192.0.2.1:2526}\nsteps:\n  - quit\n",
                "capture 'out' must listen on loopback, not 192.0.2.1 @ 2:17"
            ),
        ]
    )
    func refused(text: String, expected: String) {
        let result = compile(text)
        #expect(result.scenario == nil)
        #expect(errorLines(result).contains(expected), "\(errorLines(result))")
    }
}
