import Foundation
import SMTPMock
import Testing

/// The running mock under abuse from real sockets (Python): many sessions at once, clients that drip, floods that
/// never end, pipelines nobody reads, and smuggling sequences. Bounds are generous; nothing depends on a tight time.
/// One at a time: several of them load both cores, and other suites' short timeouts run beside them.
@Suite(.serialized) struct LiveAbuseTests {
    @Test func aThousandConcurrentSessionsAreServed() async throws {
        let script = #"""
            import socket, sys, threading
            port = int(sys.argv[1]); count = 1000
            ok = [False] * count; errors = []
            barrier = threading.Barrier(count)
            def client(i):
                try:
                    s = socket.create_connection(("127.0.0.1", port), timeout=120)
                    f = s.makefile("rb")
                    banner = f.readline().decode()
                    barrier.wait(timeout=120)
                    s.sendall(b"EHLO client.example\r\nQUIT\r\n")
                    lines = [f.readline().decode() for _ in range(11)]
                    ok[i] = banner.startswith("220 ") and lines[-1].startswith("221 ")
                    s.close()
                except Exception as e:
                    errors.append(repr(e))
            threads = [threading.Thread(target=client, args=(i,)) for i in range(count)]
            for t in threads: t.start()
            for t in threads: t.join()
            print(sum(ok), len(errors), errors[:3])
            """#
        let configuration = MockServerConfiguration(maxConnections: 1000)
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            let output = try await ExternalClient.runPython(script, [String(server.address.port)])
            #expect(output.stdout.hasPrefix("1000 0 "), "\(output.stdout) \(output.stderr)")
            let after = try await RawSMTP.commands(port: server.address.port, ["NOOP"])
            #expect(after[1] == ["250 2.0.0 Ok"])
        }
    }

    @Test func aClientDrippingOneByteAtATimeIsClosedAtTheCommandTimeout() async throws {
        // Idle time alone never fires: a byte comes every 0.5 s. The command deadline (2 s) does.
        let script = #"""
            import select, socket, sys, time
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=60)
            f = s.makefile("rb")
            f.readline()
            start = time.monotonic()
            for byte in b"NOOP NOOP NOOP NOOP NOOP NOOP NOOP NOOP NOOP NOOP\r\n":
                if select.select([s], [], [], 0)[0]: break
                s.sendall(bytes([byte]))
                time.sleep(0.5)
            print(f.readline().decode().rstrip())
            try:
                closed = f.readline() == b""
            except ConnectionResetError:
                closed = True
            print(closed, round(time.monotonic() - start))
            """#
        let configuration = MockServerConfiguration(idleTimeout: .seconds(3), commandTimeout: .seconds(2))
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            let output = try await ExternalClient.runPython(script, [String(server.address.port)])
            let lines = output.stdout.split(separator: "\n")
            #expect(lines.first == "421 4.4.2 mail.example.net Error: timeout exceeded", "\(output.stderr)")
            #expect(lines.dropFirst().first?.hasPrefix("True") == true)
        }
    }

    @Test func messageContentSlowerThanTheMinimumRateIsCut() async throws {
        let script = #"""
            import select, socket, sys, time
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=60)
            f = s.makefile("rb")
            f.readline()
            s.sendall(b"EHLO client.example\r\n")
            while f.readline()[3:4] == b"-": pass
            s.sendall(b"MAIL FROM:<a@example.org>\r\nRCPT TO:<kate@example.net>\r\nDATA\r\n")
            replies = [f.readline().decode().rstrip() for _ in range(3)]
            for _ in range(60):
                if select.select([s], [], [], 0)[0]: break
                s.sendall(b"x")
                time.sleep(0.25)
            print(replies[2][:3], f.readline().decode().rstrip())
            """#
        let configuration = MockServerConfiguration(commandTimeout: .seconds(2), minimumDataRate: 1_000)
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            let output = try await ExternalClient.runPython(script, [String(server.address.port)])
            #expect(output.stdout == "354 421 4.4.2 mail.example.net Error: timeout exceeded\n", "\(output.stderr)")
            #expect(server.receivedMessages.isEmpty)
        }
    }

    @Test func fiftyMegabytesOfDataAreRefusedBySizeAndNotKept() async throws {
        var persona = try Persona.builtin(named: "postfix")
        persona.sizeLimit = 1_000_000
        let script = #"""
            import socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=120)
            f = s.makefile("rb")
            f.readline()
            s.sendall(b"EHLO client.example\r\n")
            while f.readline()[3:4] == b"-": pass
            s.sendall(b"MAIL FROM:<a@example.org>\r\nRCPT TO:<kate@example.net>\r\nDATA\r\n")
            replies = [f.readline().decode().rstrip() for _ in range(3)]
            line = b"y" * 998 + b"\r\n"
            chunk = line * 1000
            for _ in range(50):
                s.sendall(chunk)
            s.sendall(b".\r\nNOOP\r\n")
            print(replies[2][:3], f.readline().decode().rstrip(), f.readline().decode().rstrip())
            """#
        try await withMockServer(persona: persona) { server in
            let output = try await ExternalClient.runPython(script, [String(server.address.port)])
            #expect(
                output.stdout == "354 552 5.3.4 Message size exceeds fixed limit 250 2.0.0 Ok\n",
                "\(output.stderr)"
            )
            #expect(server.receivedMessages.isEmpty)
        }
    }

    @Test func aClientThatNeverReadsItsRepliesIsThrottledThenClosed() async throws {
        // 10,000 pipelined NOOPs, then more, never reading a reply. The mock must stop reading once its replies
        // back up (NIO backpressure) rather than buffer them, so the client's sends block long before 64 MB; after
        // the command timeout of unread replies (10 s here, well after the client's 3 s send timeout) the mock
        // closes the connection.
        let script = #"""
            import socket, sys, time
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.connect(("127.0.0.1", int(sys.argv[1])))
            s.settimeout(3)
            batch = b"NOOP\r\n" * 10000
            sent = 0; blocked = False
            while sent < 64 * 1024 * 1024:
                try:
                    s.sendall(batch)
                    sent += len(batch)
                except socket.timeout:
                    blocked = True
                    break
                except OSError:
                    break
            s.settimeout(60)
            replies = 0; closed = False
            buffer = b""
            start = time.monotonic()
            while time.monotonic() - start < 60:
                try:
                    data = s.recv(65536)
                except (ConnectionResetError, socket.timeout):
                    closed = True
                    break
                if not data:
                    closed = True
                    break
                replies += data.count(b"\n")
            print(blocked, closed, sent // 6, replies)
            """#
        let configuration = MockServerConfiguration(commandTimeout: .seconds(10))
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            let output = try await ExternalClient.runPython(script, [String(server.address.port)], timeout: 180)
            let fields = output.stdout.split(separator: " ")
            #expect(fields.first == "True", "sends never blocked: \(output.stdout) \(output.stderr)")
            #expect(fields.dropFirst().first == "True", "not closed: \(output.stdout) \(output.stderr)")
            print("unread pipeline: \(fields.dropFirst(2).first ?? "?") commands sent, \(fields.last ?? "?") replies")
            let after = try await RawSMTP.commands(port: server.address.port, ["NOOP"])
            #expect(after[1] == ["250 2.0.0 Ok"])
        }
    }

    @Test(arguments: ["\n.\n", "\r.\n", "\n.\r\n", "\r\n.\n", "\r\n.\r", "\n..\r\n"])
    func aSmugglingSequenceStaysInsideOneMessage(sequence: String) async throws {
        let content =
            "Subject: smuggle\r\n\r\nA" + sequence + "MAIL FROM:<x@evil.example>\r\nRCPT TO:<y@evil.example>\r\nZ\r\n"
        try await withMockServer(persona: try Persona.builtin(named: "postfix")) { server in
            let replies = try await RawSMTP.converse(
                port: server.address.port,
                [
                    .init(send: "EHLO client.example\r\n", replies: 1),
                    .init(send: "MAIL FROM:<a@example.org>\r\nRCPT TO:<kate@example.net>\r\nDATA\r\n", replies: 3),
                    .init(send: content + ".\r\n", replies: 1),
                    .init(send: "QUIT\r\n", replies: 1),
                ]
            )
            #expect(replies[4].first?.hasPrefix("354 ") == true)
            #expect(replies[5].first?.hasPrefix("250 2.0.0 Ok: queued") == true, "\(replies)")
            #expect(replies[6] == ["221 2.0.0 Bye"])
            #expect(server.receivedMessages.count == 1)
            #expect(server.receivedMessages.first?.text.contains("MAIL FROM:<x@evil.example>") == true)
        }
    }
}
