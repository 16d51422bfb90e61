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
    /// The deadline armed now, if any.
    private var armed: (number: UInt64, at: NIODeadline)?
    /// The one timer of the connection, and when it fires. Arming a later deadline than the timer's keeps the
    /// timer (it re-schedules itself for what is armed when it fires), and disarming leaves it: a reply read in
    /// time, the common case, costs no timer made and cancelled.
    private var timer: (callback: NIOScheduledCallback, at: NIODeadline)?
    /// Counts the timers made: one that NIO runs after it was replaced (cancelling does not stop a task already
    /// taken for running) sees an older number and does nothing.
    private var timerGeneration: UInt64 = 0
    /// The last `Kept` event seen.
    public private(set) var kept: Kept?

    /// Creates a handler; add it last, after any TLS handler.
    public init() {}

    public func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        if let timer { context.eventLoop.assumeIsolated().cancelScheduledCallback(timer.callback) }
        timer = nil
        armed = nil
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
        armed = (number, when)
        if let timer, timer.at <= when { return }
        schedule(at: when)
    }

    /// Cancels the pending deadline. Call on the event loop.
    public func disarmDeadline() {
        armed = nil
    }

    private func schedule(at when: NIODeadline) {
        guard let context else { return }
        let loop = context.eventLoop.assumeIsolated()
        if let timer { loop.cancelScheduledCallback(timer.callback) }
        timer = nil
        timerGeneration &+= 1
        // A scheduled callback, not a scheduled task: no promise, future or closure is made for it.
        let callback = DeadlineCallback(handler: self, scheduledFor: when, generation: timerGeneration)
        guard let scheduled = try? loop.scheduleCallback(at: when, handler: callback) else { return }
        timer = (scheduled, when)
    }

    fileprivate func timerFired(scheduledFor when: NIODeadline, generation: UInt64) {
        guard generation == timerGeneration else { return }
        timer = nil
        guard let armed else { return }
        guard armed.at <= when else { return schedule(at: armed.at) }
        self.armed = nil
        emit(.deadline(armed.number))
    }

    private func emit(_ event: InboundEvent) {
        guard let context else { return }
        context.fireChannelRead(wrapInboundOut(event))
        context.fireChannelReadComplete()
    }
}

/// The connection timer's callback: which handler, and which of its timers (see
/// ``InboundEventHandler/timerFired(scheduledFor:generation:)``).
private struct DeadlineCallback<Kept>: NIOScheduledCallbackHandler {
    let handler: InboundEventHandler<Kept>
    let scheduledFor: NIODeadline
    let generation: UInt64

    func handleScheduledCallback(eventLoop: some EventLoop) {
        handler.timerFired(scheduledFor: scheduledFor, generation: generation)
    }
}
