import NIOCore
import NIOTLS

/// Turns the server's bytes into ``IMAPInboundEvent``s and adds markers in order with them: where TLS starts, the
/// end of the handshake, and read deadlines. Holds no protocol logic.
final class IMAPInboundHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = IMAPInboundEvent

    private var context: ChannelHandlerContext?
    private var deadline: Scheduled<Void>?

    init() {}

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(wrapInboundOut(.bytes(unwrapInboundIn(data))))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent {
            emit(.tlsHandshakeCompleted)
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Marks the point where TLS starts; call on the event loop right after adding the TLS handler.
    func markTLSBoundary() {
        emit(.tlsBoundary)
    }

    /// Delivers `.deadline(number)` at `when` unless re-armed or disarmed first. Call on the event loop.
    func armDeadline(_ number: UInt64, at when: NIODeadline) {
        deadline?.cancel()
        guard let context else { return }
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(deadline: when) {
            bound.value.emit(.deadline(number))
        }
    }

    /// Cancels the pending deadline. Call on the event loop.
    func disarmDeadline() {
        deadline?.cancel()
        deadline = nil
    }

    private func emit(_ event: IMAPInboundEvent) {
        guard let context else { return }
        context.fireChannelRead(wrapInboundOut(event))
        context.fireChannelReadComplete()
    }
}
