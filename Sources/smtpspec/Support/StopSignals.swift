import Dispatch
import Foundation
import Synchronization

/// SIGINT and SIGTERM for a long-running command, handled from the moment ``install()`` returns: before the
/// server binds or says it is listening, so a signal sent right after that line can neither kill the process
/// (the default action) nor be lost (ignored before anything watches for it).
///
/// A signal that comes before there is anything to stop is remembered: ``onStop(_:)`` then runs its action at once.
final class StopSignals: Sendable {
    private struct State {
        var received: Int32?
        var action: (@Sendable (Int32) -> Void)?
    }

    private let state = Mutex(State())
    /// Dispatch sources are thread-safe; the array is set once, before the value is shared.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    private init(sources: [any DispatchSourceSignal]) {
        self.sources = sources
    }

    /// Starts handling SIGINT and SIGTERM and returns once both are watched.
    static func install() -> StopSignals {
        let registered = DispatchGroup()
        let numbers = [SIGINT, SIGTERM]
        let sources = numbers.map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        let signals = StopSignals(sources: sources)
        for (number, source) in zip(numbers, sources) {
            // The default action (terminate) goes first, or a signal would end the process before the source sees
            // it; the registration handler tells when the source is watching, and only then does this return.
            signal(number, SIG_IGN)
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.setEventHandler { signals.received(number) }
            source.resume()
        }
        registered.wait()
        return signals
    }

    /// Runs `action` on the first signal, or at once when a signal already came.
    func onStop(_ action: @escaping @Sendable (Int32) -> Void) {
        let pending = state.withLock { state -> Int32? in
            state.action = action
            return state.received
        }
        if let pending { action(pending) }
    }

    /// Whether a signal came.
    var stopRequested: Bool { state.withLock { $0.received != nil } }

    /// Stops watching (the signals are left ignored: the process is about to exit).
    func cancel() {
        for source in sources { source.cancel() }
    }

    private func received(_ number: Int32) {
        let action = state.withLock { state -> (@Sendable (Int32) -> Void)? in
            let first = state.received == nil
            state.received = state.received ?? number
            return first ? state.action : nil
        }
        action?(number)
    }
}
