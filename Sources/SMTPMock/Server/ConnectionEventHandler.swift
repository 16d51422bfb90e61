import NIOCore

/// Turns reads into ``ConnectionEvent``s for the session loop, adds a `tick` every so often for the session's
/// deadlines, and marks the point where TLS starts after STARTTLS.
///
/// It also closes a connection whose client stops reading: while the channel is not writable (replies pile up
/// unread) the session loop waits in its write and reads nothing more, which is the backpressure that keeps a
/// pipelining client from making the server buffer without bound; if that lasts `unreadTimeout`, the channel is
/// closed.
final class ConnectionEventHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ConnectionEvent

    private let tickInterval: TimeAmount
    private let unreadTimeout: TimeAmount
    private var context: ChannelHandlerContext?
    private var ticks: RepeatedTask?
    private var unreadDeadline: Scheduled<Void>?

    init(tickInterval: TimeAmount, unreadTimeout: TimeAmount) {
        self.tickInterval = tickInterval
        self.unreadTimeout = unreadTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        ticks = context.eventLoop.scheduleRepeatedTask(initialDelay: tickInterval, delay: tickInterval) { _ in
            bound.value.emit(.tick)
        }
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
        ticks?.cancel()
        ticks = nil
        unreadDeadline?.cancel()
        unreadDeadline = nil
    }
}
