import NIOConcurrencyHelpers
import NIOCore

/// One repeated timer per event loop for a server's connection deadlines, instead of one per connection.
///
/// Each connection's ``ConnectionEventHandler`` joins the ticks of its own loop when it is added and leaves when it
/// is removed or its channel goes inactive; on every tick the loop's timer gives each joined handler a `tick`. A
/// connection therefore costs a dictionary entry on its loop, not a scheduled task made, queued and cancelled.
final class DeadlineTicks: Sendable {
    /// The connections of one loop, touched only on that loop.
    final class LoopTicks {
        private var handlers: [ObjectIdentifier: ConnectionEventHandler] = [:]

        func join(_ handler: ConnectionEventHandler) {
            handlers[ObjectIdentifier(handler)] = handler
        }

        func leave(_ handler: ConnectionEventHandler) {
            handlers.removeValue(forKey: ObjectIdentifier(handler))
        }

        fileprivate func tick() {
            for handler in handlers.values { handler.tick() }
        }
    }

    private let loops: [ObjectIdentifier: NIOLoopBoundBox<LoopTicks>]
    private let timers: NIOLockedValueBox<[RepeatedTask]>

    /// Starts a timer ticking every `interval` on each loop of `group`.
    init(group: any EventLoopGroup, interval: TimeAmount) {
        var loops: [ObjectIdentifier: NIOLoopBoundBox<LoopTicks>] = [:]
        var timers: [RepeatedTask] = []
        for loop in group.makeIterator() {
            let ticks = NIOLoopBoundBox.makeBoxSendingValue(LoopTicks(), eventLoop: loop)
            loops[ObjectIdentifier(loop)] = ticks
            timers.append(
                loop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in ticks.value.tick() }
            )
        }
        self.loops = loops
        self.timers = NIOLockedValueBox(timers)
    }

    /// The ticks of `loop`; call on that loop. `nil` for a loop outside the group the server was started on.
    func ticks(on loop: any EventLoop) -> LoopTicks? {
        loops[ObjectIdentifier(loop)]?.value
    }

    /// Stops every timer.
    func stop() {
        let stopping = timers.withLockedValue { timers in
            defer { timers.removeAll() }
            return timers
        }
        for timer in stopping { timer.cancel() }
    }
}
