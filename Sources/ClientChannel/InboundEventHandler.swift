import NIOCore
import NIOTLS

/// Turns the server's bytes into ``InboundEvent``s and adds markers in order with them: the point where TLS
/// starts, the end of the handshake, and read deadlines. Holds no protocol logic.
///
/// It keeps the last user inbound event of type `Kept` that a handler ahead of it fires (the SMTP runner keeps
/// the ServerHello its observer reads, for the cipher suite), instead of passing it on; `Never` keeps nothing.
public final class InboundEventHandler<Kept>: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = InboundEvent

    private var context: ChannelHandlerContext?
    private var deadline: Scheduled<Void>?
    /// The last `Kept` event seen.
    public private(set) var kept: Kept?

    /// Creates a handler; add it last, after any TLS handler.
    public init() {}

    public func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        self.context = nil
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(wrapInboundOut(.bytes(unwrapInboundIn(data))))
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let value = event as? Kept {
            kept = value
            return
        }
        if let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent {
            emit(.tlsHandshakeCompleted)
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Marks the point where TLS starts; call on the event loop right after adding the TLS handler.
    public func markTLSBoundary() {
        emit(.tlsBoundary)
    }

    /// Delivers `.deadline(number)` at `when` unless re-armed or disarmed first. Call on the event loop.
    public func armDeadline(_ number: UInt64, at when: NIODeadline) {
        deadline?.cancel()
        guard let context else { return }
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(deadline: when) {
            bound.value.emit(.deadline(number))
        }
    }

    /// Cancels the pending deadline. Call on the event loop.
    public func disarmDeadline() {
        deadline?.cancel()
        deadline = nil
    }

    private func emit(_ event: InboundEvent) {
        guard let context else { return }
        context.fireChannelRead(wrapInboundOut(event))
        context.fireChannelReadComplete()
    }
}
