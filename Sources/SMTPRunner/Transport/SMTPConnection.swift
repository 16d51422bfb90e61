import ClientChannel
import Logging
import NIOCore
import NIOSSL
import SMTPCore

/// One SMTP connection as the runner uses it: write lines, read whole replies with a deadline, switch to TLS.
///
/// It lives inside `NIOAsyncChannel.executeThenClose` and is used by one task only. Bytes go through Core's
/// ``ReplyReader``; deadlines and the TLS boundary arrive as ``InboundEvent``s in order with the bytes, so a read
/// never hangs and plaintext that arrived before TLS can never be mistaken for what came after.
final class SMTPConnection {
    /// The channel, for pipeline changes on its event loop.
    var channel: any Channel { events.channel }
    private let events: InboundEventReader<ServerHello>
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var reader = ReplyReader()
    private let logger: Logger
    /// Whether TLS is on.
    private(set) var isTLS: Bool
    /// Whether the server closed the connection (or a read failed for good).
    private(set) var isClosed = false

    init(
        channel: any Channel,
        inbound: NIOAsyncChannelInboundStream<InboundEvent>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        isTLS: Bool,
        logger: Logger
    ) {
        self.events = InboundEventReader(channel: channel, inbound: inbound)
        self.outbound = outbound
        self.isTLS = isTLS
        self.logger = logger
    }

    /// Writes bytes in one write and flush.
    func write(_ bytes: [UInt8]) async throws(TransportError) {
        try await write(buffer: ByteBuffer(bytes: bytes))
    }

    /// Writes a command line and its CRLF in one write and flush, straight into one buffer of the right size.
    func write(line: String) async throws(TransportError) {
        var buffer = ByteBufferAllocator().buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeStaticString("\r\n")
        try await write(buffer: buffer)
    }

    private func write(buffer: ByteBuffer) async throws(TransportError) {
        guard !isClosed else { throw .closed }
        do {
            try await outbound.write(buffer)
        } catch {
            isClosed = true
            throw .closed
        }
    }

    /// Reads the next whole reply, waiting at most `timeout` for it.
    func readReply(timeout: Duration) async throws(TransportError) -> Reply {
        if let ready = try takeReply() { return ready }
        let number = armDeadline(timeout)
        defer { disarmDeadline() }
        while true {
            switch try await nextEvent(timeout: timeout) {
            case .bytes(let buffer):
                reader.append(buffer.readableBytesView)
                if let reply = try takeReply() { return reply }
            case .deadline(let fired) where fired == number:
                throw .timedOut(timeout)
            case .deadline, .tlsBoundary, .tlsHandshakeCompleted:
                continue
            }
        }
    }

    /// Waits up to `timeout` for the TLS handshake; a handshake failure ends the stream with NIOSSL's error.
    func awaitHandshake(timeout: Duration) async throws(TransportError) {
        let number = armDeadline(timeout)
        defer { disarmDeadline() }
        while true {
            switch try await nextEvent(timeout: timeout) {
            case .tlsHandshakeCompleted:
                isTLS = true
                return
            case .bytes(let buffer):
                // Decrypted application data before the handshake event: keep it for the next reply.
                reader.append(buffer.readableBytesView)
            case .deadline(let fired) where fired == number:
                throw .timedOut(timeout)
            case .deadline, .tlsBoundary:
                continue
            }
        }
    }

    /// After the server's 220 to STARTTLS: adds the TLS handler in front of everything on the event loop (and a
    /// ``ServerHelloObserver`` in front of that, for the cipher suite), then
    /// reads up to the boundary marker. Any octet the server sent after its 220 and before that point is
    /// plaintext injected before the handshake: it is discarded and reported, never parsed.
    func startTLS(context: NIOSSLContext, serverHostname: String?, timeout: Duration) async throws(TransportError) {
        let boundary: InboundEventReader<ServerHello>.Boundary
        do {
            boundary = try await events.switchToTLS(
                alreadyBuffered: reader.discardPending(),
                until: .now() + TimeAmount(timeout)
            ) { pipeline in
                let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try pipeline.addHandler(handler, position: .first)
                try pipeline.addHandler(ServerHelloObserver(), position: .first)
            }
        } catch let error as TLSStartError {
            throw .tls("could not start TLS: \(error)")
        } catch {
            isClosed = true
            throw Self.classify(error)
        }
        switch boundary {
        case .reached(let injected) where injected > 0: throw .defect(.plaintextAfterStartTLS(octets: injected))
        case .reached: try await awaitHandshake(timeout: timeout)
        case .timedOut: throw .timedOut(timeout)
        case .closed:
            isClosed = true
            throw .closed
        }
    }

    /// Reads what the TLS handler learnt (protocol version and peer certificate) and the cipher suite from the
    /// ServerHello the observer saw.
    func tlsFacts(verified: Bool, serverName: String?) async -> TLSFacts {
        let channel = self.channel
        let facts = try? await channel.eventLoop.submit { () -> TLSFacts in
            let handler = try channel.pipeline.syncOperations.handler(type: NIOSSLHandler.self)
            let hello = try? channel.pipeline.syncOperations.handler(type: InboundEventHandler<ServerHello>.self).kept
            return TLSFacts(
                version: handler.tlsVersion,
                certificate: handler.peerCertificate,
                serverHello: hello,
                verified: verified,
                serverName: serverName
            )
        }.get()
        return facts ?? TLSFacts(verified: verified, serverName: serverName)
    }

    private func takeReply() throws(TransportError) -> Reply? {
        switch reader.nextReply() {
        case nil: return nil
        case .success(let reply): return reply
        case .failure(let defect):
            if case .replyTooLong = defect {
                // A server flooding one reply will not answer QUIT either: stop reading it at once.
                isClosed = true
            }
            throw .defect(defect)
        }
    }

    private func nextEvent(timeout: Duration) async throws(TransportError) -> InboundEvent {
        guard !isClosed else { throw .closed }
        let event: InboundEvent?
        do {
            event = try await events.next()
        } catch {
            isClosed = true
            throw Self.classify(error)
        }
        guard let event else {
            isClosed = true
            if let defect = reader.connectionClosed() { throw .defect(defect) }
            throw .closed
        }
        return event
    }

    private func armDeadline(_ timeout: Duration) -> UInt64 {
        events.armDeadline(at: .now() + TimeAmount(timeout))
    }

    private func disarmDeadline() {
        events.disarmDeadline()
    }

    /// Maps an error that ended the inbound stream to a transport error.
    static func classify(_ error: any Error) -> TransportError {
        if let sslError = error as? NIOSSLError {
            return .tls(TLSErrorText.describe(sslError))
        }
        if let extra = error as? NIOSSLExtraError {
            return .tls(TLSErrorText.describe(extra))
        }
        return .closed
    }
}
