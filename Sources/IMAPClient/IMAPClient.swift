import Logging
import NIOCore

/// The smallest IMAP client that can check a mailbox for a message: connect (plain, STARTTLS or implicit TLS),
/// log in, open a mailbox read-only, search by header or text, fetch a message, log out.
///
/// It speaks to IMAP4rev1 (RFC 3501) and IMAP4rev2 (RFC 9051) servers, never sends credentials without TLS
/// unless told to, and verifies the server's certificate by default.
public struct IMAPClient: Sendable {
    /// Connects, does TLS, reads the greeting (PREAUTH skips the login, BYE fails), asks CAPABILITY when needed
    /// (again after STARTTLS and after login unless the server sent them), logs in, EXAMINEs the mailbox, runs
    /// `body` with the session, then LOGOUTs (best effort) and closes the connection, whether `body` threw or not.
    ///
    /// - Throws: ``IMAPError`` for anything that went wrong with the server, or whatever `body` throws.
    public static func withSession<R: Sendable>(
        _ configuration: IMAPConfiguration,
        eventLoopGroup: any EventLoopGroup,
        logger: Logger,
        _ body: (IMAPSession) async throws -> R
    ) async throws -> R {
        var logger = logger
        logger[metadataKey: "imap"] = "\(configuration.host):\(configuration.port)"
        let tls = configuration.security == .none ? nil : try IMAPTLS(configuration)
        let channel = try await IMAPConnector.connect(
            host: configuration.host,
            port: configuration.port,
            tls: configuration.security == .implicit ? tls : nil,
            timeout: configuration.connectTimeout,
            group: eventLoopGroup
        )
        logger.debug("connected (\(configuration.security.rawValue))")
        return try await channel.executeThenClose { inbound, outbound in
            let connection = IMAPConnection(
                channel: channel.channel,
                inbound: inbound,
                outbound: outbound,
                isTLS: configuration.security == .implicit,
                limits: configuration.limits
            )
            let session = IMAPSession(connection: connection, configuration: configuration, logger: logger)
            let result: R
            do {
                try await session.open(tls: tls)
                result = try await body(session)
            } catch {
                if Self.mayLogOut(after: error) { await session.logOut() }
                throw error
            }
            await session.logOut()
            return result
        }
    }

    /// Whether the connection is still in step after `error`, so LOGOUT is worth sending: not after a timeout, a
    /// protocol violation, a limit or TLS trouble, where the server's next response cannot be trusted or waited for.
    static func mayLogOut(after error: any Error) -> Bool {
        switch error as? IMAPError {
        case .timedOut, .protocolViolation, .limitExceeded, .tls, .closed, .connectFailed: false
        default: true
        }
    }
}
