import NIOCore

/// Turns reads into ``ConnectionEvent``s for the session loop, adds a `tick` every so often for the session's
/// deadlines (from the server's ``DeadlineTicks``), and marks the point where TLS starts after STARTTLS.
///
/// It also closes a connection whose client stops reading: while the channel is not writable (replies pile up
/// unread) the session loop waits in its write and reads nothing more, which is the backpressure that keeps a
/// pipelining client from making the server buffer without bound; if that lasts `unreadTimeout`, the channel is
/// closed.
final class ConnectionEventHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ConnectionEvent

    private let deadlineTicks: DeadlineTicks
    private let unreadTimeout: TimeAmount
    private var context: ChannelHandlerContext?
    private var ticks: DeadlineTicks.Handlers?
    private var unreadDeadline: Scheduled<Void>?

    init(ticks: DeadlineTicks, unreadTimeout: TimeAmount) {
        self.deadlineTicks = ticks
        self.unreadTimeout = unreadTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        ticks = deadlineTicks.handlers(on: context.eventLoop)
        ticks?.join(self)
    }

    /// Gives the session loop a `tick`, to look at its deadlines; called by the loop's ``DeadlineTicks``.
    func tick() {
        emit(.tick)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopTimers()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopTimers()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(wrapInboundOut(.bytes(unwrapInboundIn(data))))
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            unreadDeadline?.cancel()
            unreadDeadline = nil
        } else if unreadDeadline == nil {
            let channel = context.channel
            unreadDeadline = context.eventLoop.scheduleTask(in: unreadTimeout) {
                channel.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    /// Sends the `tlsStarted` marker behind every read so far; call on the event loop right after
    /// adding the TLS handler.
    func markTLSStarted() {
        emit(.tlsStarted)
    }

    private func emit(_ event: ConnectionEvent) {
        guard let context else { return }
        // The async channel hands reads over at read-complete; an event of our own needs one too.
        context.fireChannelRead(wrapInboundOut(event))
        context.fireChannelReadComplete()
    }

    private func stopTimers() {
        ticks?.leave(self)
        ticks = nil
        unreadDeadline?.cancel()
        unreadDeadline = nil
    }
}
