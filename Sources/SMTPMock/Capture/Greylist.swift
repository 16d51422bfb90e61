import Foundation

/// Remembers which sender/recipient pairs have been seen, for greylisting: the first attempt for a
/// pair is deferred, every later one passes. Shared by all connections of one server.
///
/// It remembers at most ``capacity`` pairs (10,000 by default), forgetting the oldest first, so a long-running
/// mock fed ever new addresses does not grow without bound; a forgotten pair is deferred once more.
public final class Greylist: Sendable {
    private struct State {
        var seen: Set<String> = []
        var order: [String] = []
        var oldest = 0
    }

    /// The most pairs remembered.
    public let capacity: Int
    private let state = Locked(State())

    /// Creates an empty greylist remembering up to `capacity` pairs.
    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// Records an attempt and says whether it must be deferred (the pair's first attempt).
    public func isFirstAttempt(sender: String, recipient: String) -> Bool {
        let key = sender.lowercased() + "\u{0}" + recipient.lowercased()
        let capacity = self.capacity
        return state.withLock { state in
            guard state.seen.insert(key).inserted else { return false }
            state.order.append(key)
            if state.seen.count > capacity {
                state.seen.remove(state.order[state.oldest])
                state.oldest += 1
                if state.oldest * 2 > state.order.count {
                    state.order.removeFirst(state.oldest)
                    state.oldest = 0
                }
            }
            return true
        }
    }

    /// How many pairs are remembered right now.
    public var count: Int { state.withLock { $0.seen.count } }
}
