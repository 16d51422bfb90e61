import NIOCore

/// Turns reads and idle events into ``ConnectionEvent``s for the session loop, and marks the point
/// where TLS starts after STARTTLS.
final class ConnectionEventHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ConnectionEvent

    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(wrapInboundOut(.bytes(unwrapInboundIn(data))))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            // The async channel hands reads over at read-complete; an event of our own needs one too.
            context.fireChannelRead(wrapInboundOut(.idle))
            context.fireChannelReadComplete()
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Sends the `tlsStarted` marker behind every read so far; call on the event loop right after
    /// adding the TLS handler.
    func markTLSStarted() {
        guard let context else { return }
        context.fireChannelRead(wrapInboundOut(.tlsStarted))
        context.fireChannelReadComplete()
    }
}
