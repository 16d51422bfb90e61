import Foundation
import IMAPClient
import Logging
import NIOCore
import NIOPosix
import Testing

/// The client against the real Dovecot 2.3 IMAP server of the test peers (Tests/Peers/dovecot): STARTTLS on
/// 127.0.0.1:2143, implicit TLS on 127.0.0.1:2993, the test CA's certificate, user kate@lmtp.smtpspec.test.
/// Messages are delivered first through Dovecot's LMTP, each with a Message-ID of its own.
@Suite("IMAP client against Dovecot", .enabled(if: IMAPPeer.available))
struct IMAPDovecotTests {
    static let group = MultiThreadedEventLoopGroup.singleton
    static let logger = Logger(label: "imap-tests")

    /// The configuration for the peer behind `variable`, verified against the test CA.
    static func configuration(
        _ variable: String = "SMTPSPEC_DOVECOT_IMAP",
        security: IMAPSecurity = .starttls,
        password: String = IMAPPeer.password,
        caFile: Bool = true
    ) throws -> IMAPConfiguration {
        let (host, port) = try IMAPPeer.endpoint(variable)
        return IMAPConfiguration(
            host: host,
            port: port,
            security: security,
            caFile: caFile ? try IMAPPeer.testCA() : nil,
            username: IMAPPeer.user,
            password: password,
            connectTimeout: .seconds(5),
            commandTimeout: .seconds(10)
        )
    }

    /// Delivers a message with a fresh Message-ID and a body naming it; returns the id (without brackets).
    static func deliverUniqueMessage() throws -> (id: String, body: String) {
        let id = "imap-\(UUID().uuidString.lowercased())@client.example"
        let body = "hello from \(id)"
        try IMAPPeer.deliver(
            "From: chris@relay.example\r\nTo: \(IMAPPeer.user)\r\nSubject: imap test\r\nMessage-ID: <\(id)>\r\n"
                + "Date: Mon, 1 Jun 2026 10:00:00 +0000\r\n\r\n\(body)\r\n"
        )
        return (id, body)
    }

    @Test("STARTTLS verified with the CA file: search by Message-ID finds exactly that UID, fetch returns it")
    func startTLSSearchAndFetch() async throws {
        let (id, body) = try Self.deliverUniqueMessage()
        let (uids, message, unknown, byText, capabilities) = try await IMAPClient.withSession(
            try Self.configuration(),
            eventLoopGroup: Self.group,
            logger: Self.logger
        ) { session in
            let uids = try await session.uidSearch(header: "Message-ID", contains: "<\(id)>")
            let message = try await session.fetchMessage(uid: try #require(uids.first))
            let unknown = try await session.uidSearch(header: "Message-ID", contains: "<no-such-\(id)>")
            try await session.noop()
            let byText = try await session.uidSearch(text: body)
            // The latest three UIDs, ascending; the message just delivered is at most that recent (other tests
            // deliver to the same mailbox at the same time).
            let latest = try await session.uidsOfLatest(3)
            #expect(latest.count == min(3, Int(session.messageCount)))
            #expect(latest == latest.sorted())
            #expect((latest.last ?? 0) >= (uids.first ?? .max))
            return (uids, message, unknown, byText, session.capabilities)
        }
        #expect(uids.count == 1)
        let text = String(decoding: message, as: UTF8.self)
        #expect(text.contains("Message-ID: <\(id)>"))
        #expect(text.contains(body))
        #expect(unknown == [])
        #expect(byText == uids)
        #expect(capabilities.contains("IMAP4rev1"))
        #expect(!capabilities.contains("STARTTLS"), "after TLS and login: \(capabilities)")
    }

    @Test("implicit TLS on the IMAPS port finds the message too")
    func implicitTLS() async throws {
        let (id, _) = try Self.deliverUniqueMessage()
        let configuration = try Self.configuration("SMTPSPEC_DOVECOT_IMAPS", security: .implicit)
        let found = try await IMAPClient.withSession(configuration, eventLoopGroup: Self.group, logger: Self.logger) {
            session in
            let uids = try await session.uidSearch(header: "message-id", contains: id)
            return try await session.fetchMessage(uid: try #require(uids.first))
        }
        #expect(String(decoding: found, as: UTF8.self).contains(id))
    }

    @Test("plaintext login is allowed only when asked for, and then works on loopback")
    func plaintextWhenAllowed() async throws {
        var configuration = try Self.configuration(security: .none)
        configuration.allowPlaintext = true
        let lines = CapturingLogHandler.Lines()
        let capabilities = try await IMAPClient.withSession(
            configuration,
            eventLoopGroup: Self.group,
            logger: CapturingLogHandler.logger(lines)
        ) { session in session.capabilities }
        #expect(capabilities.contains("IMAP4rev1"))
        // The credentials went as AUTHENTICATE PLAIN with SASL-IR; neither the password nor its base64 is logged.
        #expect(lines.all.contains { $0.contains("AUTHENTICATE PLAIN ******") }, "\(lines.all)")
        #expect(lines.all.allSatisfy { !$0.contains(IMAPPeer.password) && !$0.contains("AGthdGVA") })
    }

    @Test("a wrong password fails with authenticationFailed, and the password is in no description")
    func wrongPassword() async throws {
        let secret = "wrong-Secret-\(UUID().uuidString)"
        for variable in ["SMTPSPEC_DOVECOT_IMAP", "SMTPSPEC_DOVECOT_IMAPS"] {
            let configuration = try Self.configuration(
                variable,
                security: variable.hasSuffix("IMAPS") ? .implicit : .starttls,
                password: secret
            )
            let lines = CapturingLogHandler.Lines()
            defer {
                #expect(!lines.all.isEmpty)
                #expect(lines.all.allSatisfy { !$0.contains(secret) }, "\(lines.all)")
            }
            do {
                _ = try await IMAPClient.withSession(
                    configuration,
                    eventLoopGroup: Self.group,
                    logger: CapturingLogHandler.logger(lines)
                ) { _ in true }
                Issue.record("logged in with a wrong password")
            } catch let error as IMAPError {
                guard case .authenticationFailed(let text) = error else {
                    Issue.record("not authenticationFailed: \(error)")
                    continue
                }
                #expect(text.contains("Authentication failed"))
                #expect(!error.description.contains(secret))
                #expect(!String(reflecting: error).contains(secret))
                #expect(!configuration.description.contains(secret))
            }
        }
    }

    @Test("without a CA file the test certificate does not verify against the system's roots")
    func verificationFailsWithoutTheCA() async throws {
        for (variable, security) in [
            ("SMTPSPEC_DOVECOT_IMAP", IMAPSecurity.starttls), ("SMTPSPEC_DOVECOT_IMAPS", .implicit),
        ] {
            let configuration = try Self.configuration(variable, security: security, caFile: false)
            await #expect {
                _ = try await IMAPClient.withSession(configuration, eventLoopGroup: Self.group, logger: Self.logger) {
                    _ in true
                }
            } throws: { error in
                guard case .tls(let reason) = error as? IMAPError else { return false }
                return reason.contains("verif")
            }
        }
    }

    @Test("plaintext without allowPlaintext is refused against Dovecot before any login")
    func plaintextRefusedAgainstDovecot() async throws {
        let configuration = try Self.configuration(security: .none)
        await #expect(throws: IMAPError.plaintextRefused) {
            _ = try await IMAPClient.withSession(configuration, eventLoopGroup: Self.group, logger: Self.logger) {
                _ in true
            }
        }
    }
}
