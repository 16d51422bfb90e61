import Foundation
import SMTPMock
import Testing

/// Every failure the seed documents, produced by the running `exchange` personas and read by a
/// raw client socket, exact reply line for exact reply line.
@Suite struct LiveSeedFailureTests {
    @Test func eachDocumentedFailureReply() async throws {
        try await withMockServer(persona: try Persona.builtin(named: "exchange")) { server in
            let replies = try await RawSMTP.commands(
                port: server.address.port,
                [
                    "EHLO contoso_com!", "EHLO contoso.com", "MAIL FROM:<chris@@contoso.com>",
                    "MAIL FROM:<chris@contoso.com>", "RCPT TO:<nobody@fabrikam.com>", "XYZZY", "QUIT",
                ]
            )
            #expect(
                replies[0].first?.hasPrefix("220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at ") == true
            )
            #expect(replies[1] == ["501 5.5.4 Invalid domain name"])
            #expect(replies[2].first == "250-mail1.fabrikam.com Hello [127.0.0.1]")
            #expect(replies[3] == ["550 5.1.7 Invalid address"])
            #expect(replies[4] == ["250 2.1.0 Sender OK"])
            #expect(replies[5] == ["550 5.1.1 User unknown"])
            #expect(replies[6] == ["500 5.3.3 Unrecognized command"])
            #expect(replies[7] == ["221 2.0.0 Service closing transmission channel"])
        }
    }

    @Test func clientNotAuthenticated() async throws {
        try await withMockServer(persona: try Persona.builtin(named: "exchange-auth")) { server in
            let replies = try await RawSMTP.commands(
                port: server.address.port,
                ["EHLO contoso.com", "MAIL FROM:<chris@contoso.com>"]
            )
            #expect(replies[2] == ["530 5.7.1 Client was not authenticated"])
        }
    }

    @Test func seedSessionOverTheWire() async throws {
        try await withMockServer(persona: try Persona.builtin(named: "exchange")) { server in
            let replies = try await RawSMTP.converse(
                port: server.address.port,
                [
                    .init(send: "EHLO contoso.com\r\n", replies: 1),
                    .init(send: "MAIL FROM: <chris@contoso.com>\r\n", replies: 1),
                    .init(send: "RCPT TO: <kate@fabrikam.com> NOTIFY=success,failure\r\n", replies: 1),
                    .init(send: "DATA\r\n", replies: 1),
                    .init(send: "Subject: test\r\n \r\nThis is a test message.\r\n.\r\n", replies: 1),
                    .init(send: "QUIT\r\n", replies: 1),
                ]
            )
            #expect(replies[1].count == 13)
            #expect(replies[1].last == "250 XRDST")
            #expect(replies[2] == ["250 2.1.0 Sender OK"])
            #expect(replies[3] == ["250 2.1.5 Recipient OK"])
            #expect(replies[4] == ["354 Start mail input; end with <CRLF>.<CRLF>"])
            #expect(replies[5].first?.hasSuffix("Hostname=mail1.fabrikam.com] Queued mail for delivery") == true)
            #expect(replies[6] == ["221 2.0.0 Service closing transmission channel"])
            #expect(server.receivedMessages.first?.text == "Subject: test\r\n \r\nThis is a test message.\r\n")
        }
    }
}
