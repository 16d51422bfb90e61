import Foundation
import SMTPCore
import Testing

@testable import SMTPMock

/// Message content streams out as it arrives when the server spools to a maildir: the session keeps only what it
/// needs in memory (the header section, or the `MESSAGE` rule window), never the whole message.
@Suite struct ContentSpoolTests {
    static let headers = "Subject: spooled\r\nFrom: a@example.org\r\n\r\n"

    /// The postfix persona, spooling, keeping nothing beyond the minimum; MAIL and RCPT done.
    static func spooling(_ persona: Persona? = nil) throws -> SessionDriver {
        var driver = SessionDriver(
            try persona ?? Persona.builtin(named: "postfix"),
            spoolsContent: true,
            keptContentOctets: 0
        )
        _ = driver.start()
        driver.command("EHLO client.example")
        driver.command("MAIL FROM:<a@example.org>")
        driver.command("RCPT TO:<kate@example.net>")
        return driver
    }

    @Test func dataIsSpooledUnstuffedAndOnlyTheHeadersStayInMemory() throws {
        var driver = try Self.spooling()
        #expect(driver.command("DATA").first?.hasPrefix("354 ") == true)
        let line = String(repeating: "z", count: 78) + "\r\n"
        let body = String(repeating: line, count: 12_800) + "..dot-stuffed\r\n"  // about 1 MB
        // Fed in uneven pieces, so the stuffed dot and CRLF.CRLF can fall across reads.
        let wire = Array((Self.headers + body + ".\r\n").utf8)
        var offset = 0
        var replies: [String] = []
        while offset < wire.count {
            let end = min(wire.count, offset + 4_093)
            replies += driver.send(bytes: Array(wire[offset..<end]))
            offset = end
        }
        let expected = Array((Self.headers + body.replacingOccurrences(of: "..dot", with: ".dot")).utf8)
        #expect(replies.first?.hasPrefix("250 2.0.0 Ok: queued") == true)
        #expect(driver.contentStarts == 1)
        #expect(driver.spooled == expected)
        let message = try #require(driver.delivered.first)
        #expect(message.isContentTrimmed)
        #expect(message.octets == expected.count)
        #expect(message.text == Self.headers)
    }

    @Test func bdatChunksAreSpooledAsTheyArrive() throws {
        var driver = try Self.spooling()
        let content = Array((Self.headers + "body\r\n").utf8)
        #expect(driver.send(bytes: Array("BDAT 20\r\n".utf8) + content.prefix(20)) == ["250 2.0.0 Ok: 20 bytes"])
        let rest = content.dropFirst(20)
        let replies = driver.send(bytes: Array("BDAT \(rest.count) LAST\r\n".utf8) + rest)
        #expect(replies.first?.hasPrefix("250 2.0.0 Ok: queued") == true, "\(replies)")
        #expect(driver.contentStarts == 1)
        #expect(driver.spooled == Array((Self.headers + "body\r\n").utf8))
        #expect(driver.delivered.first?.octets == Self.headers.utf8.count + 6)
    }

    @Test func aRefusedMessageIsNotDeliveredAndTheNextOneStartsAfresh() throws {
        var persona = try Persona.builtin(named: "postfix")
        persona.sizeLimit = 1_000
        var driver = try Self.spooling(persona)
        driver.command("DATA")
        let big = String(repeating: "0123456789012345678\r\n", count: 100)
        #expect(driver.send(big + ".\r\n") == ["552 5.3.4 Message size exceeds fixed limit"])
        #expect(driver.delivered.isEmpty)
        driver.command("MAIL FROM:<a@example.org>")
        driver.command("RCPT TO:<kate@example.net>")
        driver.command("DATA")
        #expect(driver.contentStarts == 2)
        #expect(driver.send(Self.headers + "small\r\n.\r\n").first?.hasPrefix("250 ") == true)
        #expect(driver.spooled == Array((Self.headers + "small\r\n").utf8))
    }

    @Test func messageRulesStillSeeTheirWindow() throws {
        var persona = try Persona.builtin(named: "postfix")
        persona.rules = [
            PersonaRule(
                when: RuleCondition(command: "MESSAGE", argument: "viagra"),
                then: RuleAction(reply: ReplyTemplate(code: 554, text: "5.7.1 spam"))
            )
        ]
        var driver = try Self.spooling(persona)
        driver.command("DATA")
        let filler = String(repeating: "x", count: 70) + "\r\n"
        let body = String(repeating: filler, count: 5_000) + "buy viagra\r\n"  // past 16 KiB, inside 1 MiB
        #expect(driver.send(Self.headers + body + ".\r\n") == ["554 5.7.1 spam"])
        #expect(driver.delivered.isEmpty)
    }

    @Test func withoutSpoolingNothingIsHandedOutAndTheWholeMessageIsKept() throws {
        var driver = SessionDriver(try Persona.builtin(named: "postfix"))
        _ = driver.start()
        driver.command("EHLO client.example")
        driver.command("MAIL FROM:<a@example.org>")
        driver.command("RCPT TO:<kate@example.net>")
        driver.command("DATA")
        let body = String(repeating: String(repeating: "y", count: 98) + "\r\n", count: 600)
        driver.send(Self.headers + body + ".\r\n")
        #expect(driver.spooled.isEmpty)
        #expect(driver.delivered.first?.content == Array((Self.headers + body).utf8))
        #expect(driver.delivered.first?.isContentTrimmed == false)
    }
}

/// The running server writes spooled messages into the maildir whole, removes refused ones, and keeps only headers in
/// memory when its retention says so.
@Suite struct LiveSpoolTests {
    static let script = #"""
        import socket, sys
        port = int(sys.argv[1]); octets = int(sys.argv[2])
        s = socket.create_connection(("127.0.0.1", port), timeout=120)
        f = s.makefile("rb")
        f.readline()
        s.sendall(b"EHLO client.example\r\n")
        while f.readline()[3:4] == b"-": pass
        s.sendall(b"MAIL FROM:<a@example.org>\r\nRCPT TO:<kate@example.net>\r\nDATA\r\n")
        replies = [f.readline().decode().rstrip() for _ in range(3)]
        line = b"w" * 998 + b"\r\n"
        body = b"Subject: big\r\n\r\n" + line * (octets // 1000)
        s.sendall(body + b".\r\nQUIT\r\n")
        print(f.readline().decode().rstrip()[:3], len(body))
        """#

    @Test func aLargeMessageGoesToTheMaildirWholeAndOnlyItsHeadersStayInMemory() async throws {
        let maildir = try ExternalClient.temporaryDirectory("spool")
        let configuration = MockServerConfiguration(maildir: maildir, retention: .standalone)
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            let output = try await ExternalClient.runPython(Self.script, [String(server.address.port), "3000000"])
            #expect(output.stdout == "250 3000016\n", "\(output.stderr)")
            let files = try ExternalClient.maildirMessages(maildir)
            #expect(files.count == 1)
            #expect(files.first?.count == 3_000_016)
            #expect(files.first?.prefix(16) == Array("Subject: big\r\n\r\n".utf8)[...])
            let kept = try #require(server.receivedMessages.first)
            #expect(kept.isContentTrimmed)
            #expect(kept.octets == 3_000_016)
            #expect(kept.text == "Subject: big\r\n\r\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/tmp").isEmpty)
    }

    @Test func aRefusedMessageLeavesNothingInTheMaildir() async throws {
        let maildir = try ExternalClient.temporaryDirectory("spool-refused")
        var persona = try Persona.builtin(named: "postfix")
        persona.sizeLimit = 100_000
        let configuration = MockServerConfiguration(maildir: maildir, retention: .standalone)
        try await withMockServer(persona: persona, configuration: configuration) { server in
            let output = try await ExternalClient.runPython(Self.script, [String(server.address.port), "500000"])
            #expect(output.stdout.hasPrefix("552 "), "\(output.stderr)")
            #expect(try ExternalClient.maildirMessages(maildir).isEmpty)
            #expect(server.receivedMessages.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/tmp").isEmpty)
    }
}
