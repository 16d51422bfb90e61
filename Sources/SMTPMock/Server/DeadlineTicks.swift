import NIOCore

/// One repeated timer for all of a server's connection deadlines, instead of one per connection.
///
/// The server serves every connection on one event loop (see ``MockServer``). Each connection's
/// ``ConnectionEventHandler`` joins the ticks when it is added and leaves when it is removed or its channel goes
/// inactive; on every tick the timer gives each joined handler a `tick`. A connection therefore costs a dictionary
/// entry, not a scheduled task made, queued and cancelled.
final class DeadlineTicks: Sendable {
    /// The joined handlers, touched only on the loop.
    final class Handlers {
        private var joined: [ObjectIdentifier: ConnectionEventHandler] = [:]

        func join(_ handler: ConnectionEventHandler) {
            joined[ObjectIdentifier(handler)] = handler
        }

        func leave(_ handler: ConnectionEventHandler) {
            joined.removeValue(forKey: ObjectIdentifier(handler))
        }

        fileprivate func tick() {
            for handler in joined.values { handler.tick() }
        }
    }

    private let loop: any EventLoop
    private let handlers: NIOLoopBoundBox<Handlers>
    private let timer: RepeatedTask

    /// Starts a timer ticking every `interval` on `loop`.
    init(loop: any EventLoop, interval: TimeAmount) {
        let handlers = NIOLoopBoundBox.makeBoxSendingValue(Handlers(), eventLoop: loop)
        self.loop = loop
        self.handlers = handlers
        self.timer = loop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            handlers.value.tick()
        }
    }

    /// The handlers ticked; call on `loop`. `nil` on another loop, which cannot happen while the server's
    /// bootstrap puts every connection on the listening loop (`childGroup`), as it does.
    func handlers(on other: any EventLoop) -> Handlers? {
        other === loop ? handlers.value : nil
    }

    /// Stops the timer.
    func stop() {
        timer.cancel()
    }
}
