import IMAPClient
import Logging
import NIOCore
import NIOPosix
import Testing

/// Credentials never go over a connection without TLS unless allowed: checked against a local server that
/// records what the client sends.
@Suite struct IMAPPlaintextTests {
    @Test("plaintext LOGIN without allowPlaintext is refused before anything is sent")
    func refusedBeforeAnythingIsSent() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let server = try await GreetingOnlyServer(greeting: "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake", group: group)
        let secret = "never-Sent-42"
        let configuration = IMAPConfiguration(
            host: "127.0.0.1",
            port: server.port,
            security: .none,
            username: "kate",
            password: secret,
            connectTimeout: .seconds(5),
            commandTimeout: .seconds(5)
        )
        await #expect(throws: IMAPError.plaintextRefused) {
            _ = try await IMAPClient.withSession(configuration, eventLoopGroup: group, logger: Logger(label: "t")) {
                _ in true
            }
        }
        // The client may have sent LOGOUT (best effort) but never a credential.
        try await Task.sleep(for: .milliseconds(200))
        let sent = String(decoding: server.bytes, as: UTF8.self)
        #expect(!sent.contains(secret))
        #expect(!sent.uppercased().contains("LOGIN"))
        #expect(!sent.uppercased().contains("AUTHENTICATE"))
        #expect(!IMAPError.plaintextRefused.description.contains(secret))
        try await server.close()
    }

    @Test("plaintext the server sends after its OK to STARTTLS is refused, and no credential follows")
    func refusesPlaintextInjectedAfterStartTLS() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let server = try await GreetingOnlyServer(
            greeting: "* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN] fake",
            group: group
        ) { received in
            received.hasSuffix("STARTTLS\r\n") ? "A1 OK Begin TLS now\r\n* OK [CAPABILITY IMAP4rev1] injected\r\n" : nil
        }
        let configuration = IMAPConfiguration(
            host: "127.0.0.1",
            port: server.port,
            security: .starttls,
            verify: false,
            username: "kate",
            password: "never-Sent-43",
            connectTimeout: .seconds(5),
            commandTimeout: .seconds(5)
        )
        await #expect {
            _ = try await IMAPClient.withSession(configuration, eventLoopGroup: group, logger: Logger(label: "t")) {
                _ in true
            }
        } throws: { error in
            guard case .protocolViolation(let text) = error as? IMAPError else { return false }
            return text.contains("plaintext after its OK to STARTTLS")
        }
        let sent = String(decoding: server.bytes, as: UTF8.self)
        #expect(sent == "A1 STARTTLS\r\n")
        try await server.close()
    }

    @Test("strings that cannot be quoted are refused, never sent")
    func refusesUnquotableStrings() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let server = try await GreetingOnlyServer(greeting: "* PREAUTH [CAPABILITY IMAP4rev1] fake", group: group)
        var configuration = IMAPConfiguration(
            host: "127.0.0.1",
            port: server.port,
            security: .none,
            username: "kate",
            password: "x",
            mailbox: "INBOX\r\nA9 DELETE INBOX",
            connectTimeout: .seconds(5),
            commandTimeout: .seconds(2)
        )
        configuration.allowPlaintext = false
        await #expect {
            _ = try await IMAPClient.withSession(configuration, eventLoopGroup: group, logger: Logger(label: "t")) {
                _ in true
            }
        } throws: { error in
            // PREAUTH needs no login; CAPABILITY came with the greeting; EXAMINE's argument is refused.
            guard case .invalidArgument = error as? IMAPError else { return false }
            return true
        }
        try await Task.sleep(for: .milliseconds(200))
        #expect(!String(decoding: server.bytes, as: UTF8.self).contains("DELETE"))
        try await server.close()
    }
}
