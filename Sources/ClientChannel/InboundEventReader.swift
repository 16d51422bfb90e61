import NIOCore

/// The reading side of a client connection (SMTP or IMAP): the inbound events in order, numbered read deadlines,
/// and the switch to TLS with its boundary. Used by one task only, inside `NIOAsyncChannel.executeThenClose`.
///
/// The connection types above it keep their protocol's parser and error type; this keeps what is the same for
/// both: a read never hangs (a deadline arrives as an event in order with the bytes), and plaintext that arrived
/// before TLS is counted, never taken for what came after.
public final class InboundEventReader<Kept> {
    /// The channel, for pipeline changes on its event loop.
    public let channel: any Channel
    private var inbound: NIOAsyncChannelInboundStream<InboundEvent>.AsyncIterator
    private var deadlineNumber: UInt64 = 0
    /// The channel's ``InboundEventHandler``, found once when the reader is made on the event loop (as sessions are):
    /// arming and disarming a deadline for every reply then needs no search of the pipeline.
    private let handler: NIOLoopBound<InboundEventHandler<Kept>>?

    /// What reading up to the TLS boundary found.
    public enum Boundary: Sendable {
        /// The boundary was reached; `injected` octets arrived in plaintext before it (after the server's go-ahead).
        case reached(injected: Int)
        /// The deadline passed first.
        case timedOut
        /// The stream ended first.
        case closed
    }

    /// Creates a reader of `inbound`, whose channel has an ``InboundEventHandler`` of the same `Kept`.
    public init(channel: any Channel, inbound: NIOAsyncChannelInboundStream<InboundEvent>) {
        self.channel = channel
        self.inbound = inbound.makeAsyncIterator()
        if channel.eventLoop.inEventLoop,
            let found = try? channel.pipeline.syncOperations.handler(type: InboundEventHandler<Kept>.self)
        {
            handler = NIOLoopBound(found, eventLoop: channel.eventLoop)
        } else {
            handler = nil
        }
    }

    /// The next event; `nil` when the stream ended. Rethrows what ended the stream with an error (a TLS failure).
    public func next() async throws -> InboundEvent? {
        try await inbound.next()
    }

    /// Arms a deadline at `when` and returns its number: a `.deadline(number)` event arrives then, unless
    /// disarmed (or re-armed) first.
    public func armDeadline(at when: NIODeadline) -> UInt64 {
        deadlineNumber &+= 1
        let number = deadlineNumber
        // On the loop already (every read but the first's, nearly): called at once, with no closure made.
        if let handler = handlerOnLoop {
            handler.armDeadline(number, at: when)
        } else {
            onLoop { handler in handler.armDeadline(number, at: when) }
        }
        return number
    }

    /// Cancels the pending deadline.
    public func disarmDeadline() {
        if let handler = handlerOnLoop {
            handler.disarmDeadline()
        } else {
            onLoop { handler in handler.disarmDeadline() }
        }
    }

    /// The event handler, when the caller runs on the channel's loop and the handler is known.
    private var handlerOnLoop: InboundEventHandler<Kept>? {
        guard let handler, channel.eventLoop.inEventLoop else { return nil }
        return handler.value
    }

    /// Adds what `addHandlers` puts at the front of the pipeline (the TLS client handler) on the event loop,
    /// marks the boundary, and reads up to it within `deadline`, counting the octets that came before it.
    /// `alreadyBuffered` counts octets the caller's parser held after the go-ahead: when there are any, TLS is not
    /// started at all and they are reported at once.
    ///
    /// - Throws: ``TLSStartError`` when the handlers could not be added; what ended the stream otherwise.
    public func switchToTLS(
        alreadyBuffered: Int,
        until deadline: NIODeadline,
        addHandlers: @escaping @Sendable (ChannelPipeline.SynchronousOperations) throws -> Void
    ) async throws -> Boundary {
        // Plaintext already in hand after the go-ahead: refuse it before TLS even starts (no ClientHello is sent).
        if alreadyBuffered > 0 { return .reached(injected: alreadyBuffered) }
        let channel = self.channel
        do {
            try await channel.eventLoop.submit {
                try addHandlers(channel.pipeline.syncOperations)
                try channel.pipeline.syncOperations.handler(type: InboundEventHandler<Kept>.self).markTLSBoundary()
            }.get()
        } catch {
            throw TLSStartError(underlying: error)
        }
        var injected = 0
        let number = armDeadline(at: deadline)
        defer { disarmDeadline() }
        while let event = try await next() {
            switch event {
            case .tlsBoundary: return .reached(injected: injected)
            case .bytes(let buffer): injected += buffer.readableBytes
            case .deadline(let fired) where fired == number: return .timedOut
            case .deadline, .tlsHandshakeCompleted: continue
            }
        }
        return .closed
    }

    /// Runs `body` with the event handler on the channel's loop: at once when the caller already runs there (its
    /// task executor is the loop), else as a task for the loop.
    private func onLoop(_ body: @escaping @Sendable (InboundEventHandler<Kept>) -> Void) {
        let channel = self.channel
        if let handler = handlerOnLoop {
            body(handler)
            return
        }
        let run: @Sendable () -> Void = {
            guard let handler = try? channel.pipeline.syncOperations.handler(type: InboundEventHandler<Kept>.self)
            else { return }
            body(handler)
        }
        if channel.eventLoop.inEventLoop { run() } else { channel.eventLoop.execute(run) }
    }
}

/// The TLS handler could not be added to the pipeline (a bad context, a closed channel); nothing was read.
public struct TLSStartError: Error, CustomStringConvertible {
    /// What NIO or NIOSSL threw.
    public var underlying: any Error

    /// The error in words.
    public var description: String { "\(underlying)" }
}
