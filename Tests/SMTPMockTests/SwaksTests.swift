import Foundation
import SMTPMock
import Testing

/// swaks, a real SMTP client, sends through each built-in persona; what arrives is compared byte
/// for byte with what was sent, in the maildir and in memory.
@Suite struct SwaksTests {
    /// A message with CRLF line ends and lines that start with a dot (swaks stuffs them, the
    /// server must unstuff them).
    static let content =
        "Subject: swaks to the mock\r\nX-Test: 1\r\n\r\nFirst line.\r\n.leading dot\r\n..two dots\r\nLast line.\r\n"

    /// What swaks puts on the wire between DATA's 354 and the final `.`, before stuffing: the file,
    /// then the CRLF swaks always adds before `.`.
    static let sent = Array((content + "\r\n").utf8)

    private func send(
        persona name: String,
        from: String,
        to: String,
        extra: [String]
    ) async throws -> (output: ExternalClient.Output, messages: [ReceivedMessage], maildir: [[UInt8]]) {
        let maildir = try ExternalClient.temporaryDirectory("swaks")
        let file = maildir + ".eml"
        try Data(Self.content.utf8).write(to: URL(fileURLWithPath: file))
        let configuration = MockServerConfiguration(maildir: maildir)
        return try await withMockServer(persona: try Persona.builtin(named: name), configuration: configuration) {
            server in
            let output = try await ExternalClient.runSwaks(
                port: server.address.port,
                ["--ehlo", "client.example", "--from", from, "--to", to, "--data", file] + extra
            )
            return (output, server.receivedMessages, try ExternalClient.maildirMessages(maildir))
        }
    }

    private func expectDelivered(
        _ result: (output: ExternalClient.Output, messages: [ReceivedMessage], maildir: [[UInt8]]),
        from: String,
        to: String
    ) {
        #expect(result.output.status == 0, "swaks failed:\n\(result.output.stdout)\n\(result.output.stderr)")
        #expect(result.messages.count == 1)
        #expect(result.maildir.count == 1)
        #expect(result.messages.first?.content == Self.sent)
        #expect(result.maildir.first == Self.sent)
        #expect(result.messages.first?.reversePath == from)
        #expect(result.messages.first?.forwardPaths == [to])
    }

    @Test func plainSessionThroughExchange() async throws {
        let result = try await send(persona: "exchange", from: "chris@contoso.com", to: "kate@fabrikam.com", extra: [])
        expectDelivered(result, from: "chris@contoso.com", to: "kate@fabrikam.com")
        #expect(result.output.stdout.contains("<-  250 2.1.0 Sender OK"))
        #expect(result.output.stdout.contains("Queued mail for delivery"))
    }

    @Test func pipelinedSessionThroughPostfix() async throws {
        let result = try await send(
            persona: "postfix",
            from: "a@example.org",
            to: "kate@example.net",
            extra: ["--pipeline"]
        )
        expectDelivered(result, from: "a@example.org", to: "kate@example.net")
        #expect(result.output.stdout.contains("250 2.0.0 Ok: queued as "))
    }

    @Test func startTLSThroughExchange() async throws {
        let result = try await send(
            persona: "exchange",
            from: "chris@contoso.com",
            to: "kate@fabrikam.com",
            extra: ["--tls"]
        )
        expectDelivered(result, from: "chris@contoso.com", to: "kate@fabrikam.com")
        #expect(result.output.stdout.contains("<-  220 2.0.0 SMTP server ready"))
        #expect(result.messages.first?.tls == true)
    }

    @Test func startTLSAndAuthPlainThroughStrict() async throws {
        let result = try await send(
            persona: "strict",
            from: "kate@example.net",
            to: "kate@example.net",
            extra: ["--tls", "--auth", "PLAIN", "--auth-user", "kate", "--auth-password", "Strict-Pa55"]
        )
        expectDelivered(result, from: "kate@example.net", to: "kate@example.net")
        #expect(result.messages.first?.authenticatedUser == "kate")
        #expect(result.output.stdout.contains("235 2.7.0 Authentication successful"))
    }

    @Test func startTLSAndAuthLoginThroughExchangeAuth() async throws {
        let result = try await send(
            persona: "exchange-auth",
            from: "chris@contoso.com",
            to: "kate@fabrikam.com",
            extra: ["--tls", "--auth", "LOGIN", "--auth-user", "chris@contoso.com", "--auth-password", "Contoso-Pa55"]
        )
        expectDelivered(result, from: "chris@contoso.com", to: "kate@fabrikam.com")
        #expect(result.messages.first?.authenticatedUser == "chris@contoso.com")
    }

    @Test func anonymousMailToExchangeAuthIsRefused() async throws {
        let result = try await send(
            persona: "exchange-auth",
            from: "chris@contoso.com",
            to: "kate@fabrikam.com",
            extra: []
        )
        #expect(result.output.stdout.contains("<** 530 5.7.1 Client was not authenticated"), "\(result.output.stdout)")
        #expect(result.messages.isEmpty)
        #expect(result.maildir.isEmpty)
    }

    @Test func implicitTLSPersona() async throws {
        var persona = try Persona.builtin(named: "postfix")
        persona.tls.implicit = true
        let maildir = try ExternalClient.temporaryDirectory("swaks-tls")
        let file = maildir + ".eml"
        try Data(Self.content.utf8).write(to: URL(fileURLWithPath: file))
        try await withMockServer(persona: persona, configuration: MockServerConfiguration(maildir: maildir)) { server in
            let output = try await ExternalClient.runSwaks(
                port: server.address.port,
                ["--tls-on-connect", "--from", "a@example.org", "--to", "kate@example.net", "--data", file]
            )
            #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
            #expect(server.receivedMessages.first?.content == Self.sent)
            #expect(try ExternalClient.maildirMessages(maildir) == [Self.sent])
        }
    }
}
