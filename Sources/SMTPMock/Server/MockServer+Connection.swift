import Foundation
import Logging
import NIOCore
import NIOSSL
import SMTPCore

extension MockServer {
    /// Serves one connection: the session's actions carried out in order until it closes.
    func serve(_ connection: Connection, number: Int, admitted: Bool) async {
        let client = connection.channel.remoteAddress?.ipAddress ?? "unknown"
        var log = logger
        // In one assignment: a handler may render its metadata each time it is set (StreamLogHandler does).
        log.handler.metadata.merge(["connection": "\(number)", "client": "\(client)"]) { $1 }
        defer { release(number) }
        do {
            try await connection.executeThenClose { inbound, outbound in
                guard admitted else {
                    let refusal = persona.replies[.tooManyConnections]
                    let reply = Reply(code: ReplyCode(refusal.code) ?? .serviceNotAvailable, lines: refusal.lines)
                    log.notice("too many connections; refused", metadata: ["reply": "\(reply)"])
                    try await outbound.write(ByteBuffer(bytes: reply.encoded))
                    return
                }
                log.info("session opened")
                let environment = SessionEnvironment(
                    clientAddress: client,
                    tlsAvailable: true,
                    implicitTLS: persona.tls.implicit,
                    greylist: greylist,
                    connectionNumber: number,
                    spoolsContent: maildir != nil,
                    keptContentOctets: configuration.retention.contentOctets
                )
                var spool = Spool(connection: number)
                defer { spool.current?.discard() }
                var session = MockSession(persona: persona, environment: environment)
                var deadlines = ConnectionDeadlines(
                    idleTimeout: configuration.idleTimeout,
                    commandTimeout: configuration.commandTimeout,
                    minimumDataRate: configuration.minimumDataRate,
                    now: .now
                )
                // The replies to each read are encoded into this one buffer, kept for the connection.
                var pending: [UInt8] = []
                /// Carries out `actions`; `false` once the connection must close.
                func carryOut(_ actions: [SessionAction]) async throws -> Bool {
                    try await perform(
                        actions,
                        on: connection,
                        outbound: outbound,
                        pending: &pending,
                        spool: &spool,
                        log: log
                    )
                }
                guard try await carryOut(session.start()) else { return }
                deadlines.session(replied: true, receivingContent: false, now: .now)
                for try await event in inbound {
                    let actions: [SessionAction]
                    switch event {
                    case .bytes(let buffer):
                        deadlines.read(octets: buffer.readableBytes, now: .now)
                        actions = session.receive(buffer.readableBytesView)
                    case .tlsStarted:
                        session.tlsEstablished()
                        log.info("TLS started")
                        continue
                    case .tick:
                        guard let expiry = deadlines.expired(at: .now) else { continue }
                        log.notice("\(expiry.rawValue) passed; closing", metadata: ["phase": "\(session.phaseName)"])
                        actions = session.idleTimeout()
                    }
                    guard try await carryOut(actions) else { return }
                    deadlines.session(
                        replied: actions.contains { $0.isReply },
                        receivingContent: session.isReceivingContent,
                        now: .now
                    )
                }
            }
        } catch {
            log.notice("session ended with an error", metadata: ["error": "\(error)"])
        }
        log.info("session closed")
    }

    /// The message a connection is writing into the maildir, if any.
    struct Spool {
        let connection: Int
        var current: MaildirSpool?
        var opened = 0
        var failed = false
    }

    /// Carries out actions in order; returns `false` once the connection must close.
    private func perform(
        _ actions: [SessionAction],
        on connection: Connection,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        pending: inout [UInt8],
        spool: inout Spool,
        log: Logger
    ) async throws -> Bool {
        // The replies to one read go out in one write.
        for action in actions {
            switch action {
            case .reply(let reply):
                log.debug("reply", metadata: ["reply": "\(reply)"])
                reply.encode(into: &pending)
            case .delay(let duration):
                try await flush(&pending, outbound)
                try await Task.sleep(for: duration)
            case .beginContent:
                spool.current?.discard()
                spool.current = nil
                spool.failed = false
                if let maildir {
                    spool.opened += 1
                    do {
                        spool.current = try maildir.openSpool(connection: spool.connection, sequence: spool.opened)
                    } catch {
                        spool.failed = true
                        log.error("cannot write to the maildir", metadata: ["error": "\(error)"])
                    }
                }
            case .content(let bytes):
                do {
                    try spool.current?.write(bytes)
                } catch {
                    spool.current?.discard()
                    spool.current = nil
                    spool.failed = true
                    log.error("cannot write to the maildir", metadata: ["error": "\(error)"])
                }
            case .deliver(let message):
                messages.append(message)
                do {
                    if let current = spool.current {
                        try current.commit(as: message)
                    } else if let maildir, !spool.failed {
                        try maildir.deliver(message)
                    }
                } catch {
                    log.error("cannot write to the maildir", metadata: ["error": "\(error)"])
                }
                spool.current = nil
                // Values the log's own thread writes out, rather than text made here on the event loop.
                log.info(
                    "message accepted",
                    metadata: [
                        "from": .stringConvertible(LoggedPath(path: message.reversePath)),
                        "to": .stringConvertible(LoggedPaths(recipients: message.recipients)),
                        "octets": .stringConvertible(message.octets), "queue-id": .string(message.queueID),
                    ]
                )
            case .startTLS:
                // The 220 and the TLS handler go in together, in one event-loop task: the client sends its
                // ClientHello as soon as it reads the 220, and had the handler come later those bytes would be
                // read as plaintext (and discarded as text pipelined after STARTTLS).
                let readyReply = pending
                pending = []
                let context = tlsContext
                let channel = connection.channel
                try await channel.eventLoop.submit {
                    if !readyReply.isEmpty {
                        channel.writeAndFlush(ByteBuffer(bytes: readyReply), promise: nil)
                    }
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(NIOSSLServerHandler(context: context), position: .first)
                    try sync.handler(type: ConnectionEventHandler.self).markTLSStarted()
                }.get()
            case .close:
                try await flush(&pending, outbound)
                return false
            }
        }
        try await flush(&pending, outbound)
        return true
    }

    private func flush(_ pending: inout [UInt8], _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        guard !pending.isEmpty else { return }
        try await outbound.write(ByteBuffer(bytes: pending))
        pending.removeAll(keepingCapacity: true)
    }
}

/// A reverse-path as the log shows it: `<chris@contoso.com>`, `<>` for the null path.
private struct LoggedPath: CustomStringConvertible, Sendable {
    let path: String
    var description: String { "<\(path)>" }
}

/// Forward-paths as the log shows them, as an array of strings prints: `["kate@fabrikam.com", "dan@fabrikam.com"]`.
private struct LoggedPaths: CustomStringConvertible, Sendable {
    let recipients: [ReceivedMessage.Recipient]
    var description: String { "[\(recipients.map(\.forwardPath.debugDescription).joined(separator: ", "))]" }
}
