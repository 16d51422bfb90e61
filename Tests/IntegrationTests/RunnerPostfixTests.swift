import Foundation
import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// The runner against the real Postfix 3.7 that `scripts/peers.sh` starts on 127.0.0.1:2525 (config in
/// Tests/Peers/postfix): the seed walkthrough, refusals, DSN parameters, pipelining, BDAT and captures.
@Suite("Runner against Postfix", .enabled(if: PeerEnvironment.peersAvailable))
struct RunnerPostfixTests {
    /// The seed walkthrough (EHLO contoso.com, MAIL FROM chris, RCPT TO kate with NOTIFY, DATA, QUIT).
    static let walkthrough = """
        name: Seed walkthrough
        steps:
          - open: ${server}
            expect: 220
          - ehlo: contoso.com
            expect:
              reply: 250
              capabilities: [PIPELINING, DSN, STARTTLS, SIZE >= 1000000]
          - mail-from: chris@contoso.com
            expect: 250 2.1.0
          - rcpt: kate@fabrikam.com
            notify: [success, failure]
            expect: 250 2.1.5
          - data:
              subject: Test from Contoso
              body: This is a test message
            expect: 250
            capture:
              queue_id: 'queued as ([0-9A-Za-z]+)'
          - quit:
            expect: 221
        """

    @Test("the seed walkthrough passes and captures the queue id")
    func seedWalkthroughPasses() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let result = try await RunnerHarness.runOne(
            Self.walkthrough,
            vars: ["server": RunnerHarness.address(postfix)]
        )
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(result.steps.count == 6)
        let rcpt = try RunnerHarness.step(result, 3)
        #expect(rcpt.sentLines == ["RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE"])
        let data = try RunnerHarness.step(result, 4)
        #expect(data.intermediateReplies.first?.code.value == 354)
        let queueID = try #require(data.captured["queue_id"])
        #expect(!queueID.isEmpty)
        #expect(data.reply?.text.contains(queueID) == true)
    }

    @Test("the seed walkthrough passes over IPv6 ([::1]:2525)")
    func seedWalkthroughOverIPv6() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfixIPv6)
        let result = try await RunnerHarness.runOne(
            Self.walkthrough,
            vars: ["server": RunnerHarness.address(postfix)]
        )
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(result.steps.first?.peer == "[::1]:2525")
    }

    @Test("an unknown recipient fails at the rcpt step with 550 5.1.1, the line quoted, and a polite QUIT")
    func unknownRecipientFailsAtRcpt() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: Unknown recipient
            steps:
              - open: ${server}
              - ehlo: contoso.com
              - mail-from: chris@contoso.com
              - rcpt: nobody-here@fabrikam.com
                expect: 2xx
              - data: "Subject: never sent"
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .failed)
        let failed = try #require(result.failedStep)
        #expect(failed.verb == .rcpt)
        #expect(failed.location.line == 6)
        #expect(failed.location.column == 5)
        #expect(failed.location.file == "runner-test.smtp.yaml")
        #expect(failed.firstLine == "RCPT TO:<nobody-here@fabrikam.com>")
        #expect(failed.command == .rcpt)
        #expect(failed.expected == "2xx")
        let reply = try #require(failed.reply)
        #expect(reply.code.value == 550)
        #expect(reply.enhancedStatusCode?.description == "5.1.1")
        #expect(reply.text.contains("User unknown"))
        #expect(failed.failure?.kind == .unexpectedReply)
        #expect(failed.failure?.mismatches == [.reply(reply)])
        // The data step is never played; the session ends with QUIT and Postfix's 221.
        #expect(result.steps.count == 4)
        let lines = result.transcript.map(\.description)
        #expect(!lines.contains("C: DATA"))
        #expect(lines.suffix(3).contains("C: QUIT"))
        #expect(lines.contains { $0.hasPrefix("S: 221") })
    }

    @Test("a relay attempt is refused with 554 5.7.1, and a scenario expecting 5xx there passes")
    func relayIsRefused() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: Relay refused
            steps:
              - open: ${server}
              - ehlo: contoso.com
              - mail-from: chris@contoso.com
              - rcpt: someone@example.org
                expect:
                  reply: 5xx
                  text: Relay access denied
              - data: "Subject: no valid recipients\\r\\n\\r\\nbody\\r\\n"
                expect: 554 5.5.1
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let rcpt = try RunnerHarness.step(result, 3)
        #expect(rcpt.reply?.code.value == 554)
        #expect(rcpt.reply?.enhancedStatusCode?.description == "5.7.1")
        // DATA itself was refused, so its reply is the step's and no message was sent.
        let data = try RunnerHarness.step(result, 4)
        #expect(data.intermediateReplies.isEmpty)
        #expect(!result.transcript.contains { $0.description == "C: ." })
    }

    @Test("NOTIFY, ORCPT, RET and ENVID are sent and accepted")
    func dsnParametersAccepted() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: DSN parameters
            steps:
              - open: ${server}
              - ehlo: contoso.com
                expect:
                  reply: 250
                  capabilities: [DSN]
              - mail-from:
                  address: chris@contoso.com
                  ret: hdrs
                  envid: QQ314159
                expect: 250 2.1.0
              - rcpt:
                  address: kate@fabrikam.com
                  notify: [success, failure, delay]
                  orcpt: rfc822;kate@fabrikam.com
                expect: 250 2.1.5
              - rcpt: postmaster@fabrikam.com
                notify: never
                expect: 250
              - data: "Subject: DSN test\\r\\n\\r\\nDSN parameters\\r\\n"
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let mail = try RunnerHarness.step(result, 2)
        let mailLine = try #require(mail.sentLines.first)
        #expect(mailLine.contains("RET=HDRS"))
        #expect(mailLine.contains("ENVID=QQ314159"))
        let rcpt = try RunnerHarness.step(result, 3)
        let rcptLine = try #require(rcpt.sentLines.first)
        #expect(rcptLine.contains("NOTIFY=SUCCESS,FAILURE,DELAY"))
        #expect(rcptLine.contains("ORCPT=rfc822;kate@fabrikam.com"))
        #expect(try RunnerHarness.step(result, 4).sentLines.first?.contains("NOTIFY=NEVER") == true)
    }

    @Test("a pipelined MAIL/RCPT/DATA group goes out in one write and each reply is matched in order")
    func pipelinedGroup() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: Pipelined envelope
            steps:
              - open: ${server}
              - ehlo: contoso.com
              - pipeline:
                  - mail-from: chris@contoso.com
                    expect: 250 2.1.0
                  - rcpt: kate@fabrikam.com
                    expect: 250 2.1.5
                  - rcpt: nobody-here@fabrikam.com
                    expect: 550 5.1.1
                  - data: "Subject: pipelined\\r\\n\\r\\nsent after a pipelined envelope\\r\\n"
                    expect: 250
                    capture:
                      queue_id: 'queued as ([0-9A-F]+)'
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let pipeline = try RunnerHarness.step(result, 2)
        #expect(pipeline.verb == .pipeline)
        #expect(pipeline.substeps.map(\.verdict) == [.passed, .passed, .passed, .passed])
        #expect(pipeline.substeps.map { $0.reply?.code.value } == [250, 250, 550, 250])
        #expect(pipeline.sentLines.count == 4)
        #expect(pipeline.substeps[3].captured["queue_id"]?.isEmpty == false)
        // The four command lines appear before any reply to them.
        let lines = result.transcript.map(\.description)
        let dataIndex = try #require(lines.firstIndex(of: "C: DATA"))
        let firstMailReply = try #require(lines.firstIndex(of: "S: 250 2.1.0 Ok"))
        #expect(dataIndex < firstMailReply)
    }

    @Test("BDAT chunks are accepted, the last one with LAST")
    func bdatChunks() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: Chunked message
            steps:
              - open: ${server}
              - ehlo: contoso.com
                expect:
                  reply: 250
                  capabilities: [CHUNKING]
              - mail-from: chris@contoso.com
              - rcpt: kate@fabrikam.com
              - bdat:
                  chunks:
                    - "Subject: Sent in chunks\\r\\n\\r\\n"
                    - "First chunk of the body.\\r\\n"
                    - "Second and last chunk.\\r\\n"
                expect: 250
                capture:
                  queue_id: 'queued as ([0-9A-F]+)'
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        let bdat = try RunnerHarness.step(result, 4)
        #expect(bdat.sentLines == ["BDAT 27", "BDAT 26", "BDAT 24 LAST"])
        #expect(bdat.intermediateReplies.count == 2)
        #expect(bdat.captured["queue_id"]?.isEmpty == false)
    }

    @Test("a closed port fails fast with connection refused, and `no-connection` expects exactly that")
    func closedPortFailsFast() async throws {
        _ = try PeerEnvironment.requirePeer(.postfix)
        // Postfix listens on 127.0.0.1 and ::1 only, so 127.0.0.2:2525 refuses connections.
        let failing = try await RunnerHarness.runOne(
            """
            name: Closed port
            steps:
              - open: 127.0.0.2:2525
              - ehlo: contoso.com
            """
        )
        #expect(failing.status == .failed)
        let open = try #require(failing.failedStep)
        #expect(open.verb == .open)
        #expect(open.failure?.kind == .connectionFailed(.refused))
        #expect(open.failure?.message.contains("refused") == true)
        // Refused, not timed out: it did not wait for the connect timeout (no wall-clock assertion, which a busy
        // machine would make flaky).
        #expect(open.failure?.kind != .connectionFailed(.timeout))
        #expect(failing.steps.count == 1)

        let expected = try await RunnerHarness.runOne(
            """
            name: Nobody home
            steps:
              - open: 127.0.0.2:2525
                expect: no-connection
            """
        )
        #expect(expected.status == .passed)
    }

    @Test("VRFY, NOOP, RSET, HELP and a raw send line get their replies")
    func simpleCommands() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: Simple commands
            steps:
              - open: ${server}
              - helo: contoso.com
              - vrfy: kate@fabrikam.com
              - noop
              - rset
              - send: FOO
                expect: 500 5.5.2
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(result.steps.map(\.verb) == [.open, .helo, .vrfy, .noop, .rset, .send, .quit])
    }

    @Test("a command out of sequence fails with the server's reply and RFC 5321's objection noted")
    func outOfSequenceNoted() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: RCPT before MAIL
            steps:
              - open: ${server}
              - ehlo: contoso.com
              - rcpt: kate@fabrikam.com
              - quit
            """
        let result = try await RunnerHarness.runOne(yaml, vars: ["server": RunnerHarness.address(postfix)])
        let failed = try #require(result.failedStep)
        #expect(failed.reply?.code.value == 503)
        #expect(failed.failure?.notes == [.outOfSequence(.rcptBeforeMail)])
    }

    @Test("--server sends every open to one host instead of the one in the file")
    func serverOverride() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let yaml = """
            name: Override
            steps:
              - open: mail1.fabrikam.com:25
              - ehlo: contoso.com
              - quit
            """
        let options = RunnerOptions(server: Endpoint(host: postfix.0, port: postfix.1))
        let result = try await RunnerHarness.runOne(yaml, options: options)
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(try RunnerHarness.step(result, 0).peer?.hasPrefix(RunnerHarness.address(postfix)) == true)
    }

    @Test("with --dns-server a host name in open is resolved through that server")
    func hostNameThroughTestDNS() async throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let dns = try PeerEnvironment.requirePeer(.dnsServer)
        let yaml = """
            name: By name
            steps:
              - open: mail.smtpspec.test:\(postfix.1)
              - ehlo: contoso.com
              - quit
            """
        let options = RunnerOptions(dnsServer: Endpoint(host: dns.0, port: dns.1))
        let result = try await RunnerHarness.runOne(yaml, options: options)
        #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
        #expect(try RunnerHarness.step(result, 0).peer == "mail.smtpspec.test:\(postfix.1) (127.0.0.1:\(postfix.1))")
    }
}
