import Foundation
import SMTPMock
import Testing

/// Smuggling, line length, size, idle and connection limits against the running server.
@Suite struct LiveLimitsTests {
    @Test func smugglingSequencesStayInsideOneMessage() async throws {
        let content =
            "Subject: smuggle\r\n\r\nA\n.\nMAIL FROM:<x@evil.example>\n.\r\nRCPT TO:<kate@fabrikam.com>\r.\rDATA\r\nZ\r\n"
        try await withMockServer(persona: try Persona.builtin(named: "exchange")) { server in
            let replies = try await RawSMTP.converse(
                port: server.address.port,
                [
                    .init(send: "EHLO contoso.com\r\n", replies: 1),
                    .init(send: "MAIL FROM:<chris@contoso.com>\r\nRCPT TO:<kate@fabrikam.com>\r\nDATA\r\n", replies: 3),
                    .init(send: content + ".\r\n", replies: 1),
                    .init(send: "QUIT\r\n", replies: 1),
                ]
            )
            #expect(replies[4] == ["354 Start mail input; end with <CRLF>.<CRLF>"])
            #expect(replies[5].first?.hasPrefix("250 2.6.0 ") == true)
            #expect(replies[6] == ["221 2.0.0 Service closing transmission channel"])
            #expect(server.receivedMessages.count == 1)
            #expect(server.receivedMessages.first?.content == Array(content.utf8))
        }
    }

    @Test func tenThousandOctetCommandLineGets500AndTheConnectionStaysUsable() async throws {
        try await withMockServer(persona: try Persona.builtin(named: "postfix")) { server in
            let long = "MAIL FROM:<" + String(repeating: "a", count: 9_985) + "@x.org>"
            #expect(long.utf8.count + 2 == 10_000 || long.utf8.count >= 9_990)
            let replies = try await RawSMTP.commands(port: server.address.port, ["EHLO client.example", long, "NOOP"])
            #expect(replies[2] == ["500 5.5.2 Line too long"])
            #expect(replies[3] == ["250 2.0.0 Ok"])
        }
    }

    @Test func oversizedMessageGets552() async throws {
        var persona = try Persona.builtin(named: "postfix")
        persona.sizeLimit = 2_000
        try await withMockServer(persona: persona) { server in
            let body = String(repeating: "0123456789012345678901234567890123456789\r\n", count: 100)
            let replies = try await RawSMTP.converse(
                port: server.address.port,
                [
                    .init(send: "EHLO client.example\r\n", replies: 1),
                    .init(send: "MAIL FROM:<a@example.org>\r\n", replies: 1),
                    .init(send: "RCPT TO:<kate@example.net>\r\n", replies: 1),
                    .init(send: "DATA\r\n", replies: 1),
                    .init(send: body + ".\r\n", replies: 1),
                    .init(send: "MAIL FROM:<a@example.org> SIZE=5000\r\n", replies: 1),
                ]
            )
            #expect(replies[5] == ["552 5.3.4 Message size exceeds fixed limit"])
            #expect(replies[6] == ["552 5.3.4 Message size exceeds fixed limit"])
            #expect(server.receivedMessages.isEmpty)
        }
    }

    @Test func idleConnectionGets421AndIsClosed() async throws {
        let configuration = MockServerConfiguration(idleTimeout: .seconds(1))
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            let replies = try await RawSMTP.converse(port: server.address.port, [.init(send: "", replies: 2)])
            #expect(replies[1] == ["421 4.4.2 mail.example.net Error: timeout exceeded"])
            #expect(replies[2] == ["<closed>"])
        }
    }

    @Test func connectionsOverTheMaximumGet421() async throws {
        let configuration = MockServerConfiguration(maxConnections: 2)
        let script = #"""
            import socket, sys
            port = int(sys.argv[1])
            held = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(2)]
            for s in held: s.makefile("rb").readline()
            extra = socket.create_connection(("127.0.0.1", port), timeout=30)
            print(extra.makefile("rb").readline().decode().rstrip())
            print(extra.recv(100) == b"")
            """#
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            let output = try await ExternalClient.runPython(script, [String(server.address.port)])
            #expect(output.stdout == "421 4.3.2 Too many connections, try again later\nTrue\n", "\(output.stderr)")
        }
    }

    @Test func fiveHundredConcurrentConnectionsAreServed() async throws {
        let script = #"""
            import socket, sys, threading, time
            port = int(sys.argv[1]); count = 500
            banners = [None] * count; closes = [None] * count; errors = []
            barrier = threading.Barrier(count)
            def client(i):
                try:
                    s = socket.create_connection(("127.0.0.1", port), timeout=60)
                    f = s.makefile("rb")
                    banners[i] = f.readline().decode().rstrip()
                    barrier.wait(timeout=60)
                    s.sendall(b"QUIT\r\n")
                    closes[i] = f.readline().decode().rstrip()
                    s.close()
                except Exception as e:
                    errors.append(repr(e))
            start = time.monotonic()
            threads = [threading.Thread(target=client, args=(i,)) for i in range(count)]
            for t in threads: t.start()
            for t in threads: t.join()
            elapsed = time.monotonic() - start
            ok = sum(1 for b, c in zip(banners, closes) if b and b.startswith("220 ") and c == "221 2.0.0 Bye")
            print(ok, len(errors), round(elapsed, 3), errors[:3])
            """#
        let configuration = MockServerConfiguration(maxConnections: 1000)
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            let output = try await ExternalClient.runPython(script, [String(server.address.port)])
            let fields = output.stdout.split(separator: " ")
            #expect(fields.first == "500", "\(output.stdout) \(output.stderr)")
            #expect(fields.dropFirst().first == "0")
            print("500 concurrent connections (banner, all held open, QUIT): \(fields.dropFirst(2).first ?? "?") s")
            let after = try await RawSMTP.commands(port: server.address.port, ["NOOP"])
            #expect(after[1] == ["250 2.0.0 Ok"])
        }
    }
}
