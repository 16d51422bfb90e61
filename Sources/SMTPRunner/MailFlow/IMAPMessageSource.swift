import IMAPClient
import Logging
import SMTPScenario

/// An IMAP mailbox read as a ``MessageSource``: each poll logs in (STARTTLS or implicit TLS unless the step
/// allows plaintext), examines the mailbox read-only, searches it, fetches what it found without setting
/// `\Seen`, and logs out. The server does the searching: by the Message-ID header for a message, by text for a
/// notification (its returned headers are in its body).
struct IMAPMessageSource: MessageSource {
    /// The mailbox's settings, with the password in clear (it never leaves this value but to the server).
    let configuration: IMAPConfiguration
    /// How reports name the mailbox (no password).
    let name: String
    let options: RunnerOptions
    let logger: Logger

    init(_ plan: IMAPSourcePlan, captures: [String: String], options: RunnerOptions, logger: Logger) {
        configuration = IMAPConfiguration(
            host: plan.host,
            port: plan.port,
            security: IMAPSecurity(rawValue: plan.security.rawValue) ?? .starttls,
            verify: plan.tls.verify,
            caFile: plan.tls.caFile,
            serverName: plan.tls.serverName,
            username: plan.username.wire(captures: captures),
            password: plan.password.wire(captures: captures),
            allowPlaintext: plan.allowPlaintext,
            mailbox: plan.mailbox
        )
        name = plan.description
        self.options = options
        self.logger = logger
    }

    func candidates(for query: ArrivalQuery, limit: Int) async throws -> [ArrivedMessage] {
        try await IMAPClient.withSession(configuration, eventLoopGroup: options.eventLoopGroup, logger: logger) {
            session in
            var uids: [UInt32] = []
            switch query.kind {
            case .message:
                uids = try await session.uidSearch(header: "Message-ID", contains: query.messageID)
            case .notification:
                for needle in query.needles {
                    uids += try await session.uidSearch(text: needle)
                }
            }
            var found: [ArrivedMessage] = []
            for uid in Set(uids).sorted().suffix(limit) {
                let content = try await session.fetchMessage(uid: uid)
                found.append(ArrivedMessage(origin: "\(name) UID \(uid)", content: content))
            }
            return found
        }
    }

    /// The mailbox's last `limit` messages (by sequence number), for the report of a failed step.
    func latest(limit: Int) async throws -> [ArrivedMessage] {
        try await IMAPClient.withSession(configuration, eventLoopGroup: options.eventLoopGroup, logger: logger) {
            session in
            var found: [ArrivedMessage] = []
            for uid in try await session.uidsOfLatest(limit) {
                found.append(
                    ArrivedMessage(origin: "\(name) UID \(uid)", content: try await session.fetchMessage(uid: uid))
                )
            }
            return found
        }
    }
}
