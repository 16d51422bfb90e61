import ClientChannel
import Logging
import NIOCore
import NIOSSL

/// One IMAP connection: write command lines, read whole responses before a deadline, switch to TLS.
///
/// It lives inside `NIOAsyncChannel.executeThenClose` and is used by one task only. Bytes go through
/// ``IMAPResponseParser``; deadlines and the TLS boundary arrive as `InboundEvent`s in order with the bytes,
/// so a read never hangs and plaintext that arrived before TLS is never taken for what came after.
final class IMAPConnection {
    private let events: InboundEventReader<Never>
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var parser: IMAPResponseParser
    /// Whether TLS is on.
    private(set) var isTLS: Bool
    /// Whether the connection is closed (by the server, or after a failed read or write).
    private(set) var isClosed = false

    init(
        channel: any Channel,
        inbound: NIOAsyncChannelInboundStream<InboundEvent>,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        isTLS: Bool,
        limits: IMAPLimits
    ) {
        self.events = InboundEventReader(channel: channel, inbound: inbound)
        self.outbound = outbound
        self.isTLS = isTLS
        self.parser = IMAPResponseParser(limits: limits)
    }

    /// Writes `line` and CRLF in one write.
    func write(line: String) async throws(IMAPError) {
        guard !isClosed else { throw .closed }
        do {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
        } catch {
            isClosed = true
            throw .closed
        }
    }

    /// Reads the next whole response; a deadline passing throws `timedOut(command)`.
    func readResponse(until deadline: NIODeadline, command: String) async throws(IMAPError) -> IMAPResponse {
        if let ready = try takeResponse() { return ready }
        let number = armDeadline(deadline)
        defer { disarmDeadline() }
        while true {
            switch try await nextEvent() {
            case .bytes(let buffer):
                parser.append(buffer.readableBytesView)
                if let response = try takeResponse() { return response }
            case .deadline(let fired) where fired == number:
                throw .timedOut(command: command)
            case .deadline, .tlsBoundary, .tlsHandshakeCompleted:
                continue
            }
        }
    }

    /// After the server's OK to STARTTLS: adds the TLS handler in front of everything on the event loop, reads up
    /// to the boundary marker and refuses any octet the server sent after its OK and before that point (plaintext
    /// injected before the handshake), then waits for the handshake.
    func startTLS(_ tls: IMAPTLS, until deadline: NIODeadline) async throws(IMAPError) {
        let boundary: InboundEventReader<Never>.Boundary
        do {
            boundary = try await events.switchToTLS(alreadyBuffered: parser.discardBuffered(), until: deadline) {
                pipeline in
                try pipeline.addHandler(tls.makeHandler(), position: .first)
            }
        } catch let error as TLSStartError {
            throw .tls("could not start TLS: \(error)")
        } catch {
            isClosed = true
            throw IMAPTLS.classify(error)
        }
        let injected: Int
        switch boundary {
        case .reached(let count): injected = count
        case .timedOut: throw .timedOut(command: "STARTTLS")
        case .closed:
            isClosed = true
            throw .closed
        }
        let number = armDeadline(deadline)
        defer { disarmDeadline() }
        guard injected == 0 else {
            isClosed = true
            throw .protocolViolation(
                "the server sent \(injected) octets in plaintext after its OK to STARTTLS and before the TLS "
                    + "handshake (a command-injection defect); they were discarded"
            )
        }
        while true {
            switch try await nextEvent() {
            case .tlsHandshakeCompleted:
                isTLS = true
                return
            case .bytes(let buffer):
                parser.append(buffer.readableBytesView)
            case .deadline(let fired) where fired == number:
                throw .timedOut(command: "STARTTLS")
            case .deadline, .tlsBoundary:
                continue
            }
        }
    }

    private func takeResponse() throws(IMAPError) -> IMAPResponse? {
        do {
            return try parser.next()
        } catch {
            isClosed = true
            throw error
        }
    }

    private func nextEvent() async throws(IMAPError) -> InboundEvent {
        guard !isClosed else { throw .closed }
        let event: InboundEvent?
        do {
            event = try await events.next()
        } catch {
            isClosed = true
            throw IMAPTLS.classify(error)
        }
        guard let event else {
            isClosed = true
            throw .closed
        }
        return event
    }

    private func armDeadline(_ when: NIODeadline) -> UInt64 {
        events.armDeadline(at: when)
    }

    private func disarmDeadline() {
        events.disarmDeadline()
    }
}
