import Foundation

/// The messages a server accepted, newest last, within a ``MessageRetention``: the oldest are evicted past its
/// message count, and past its content budget the oldest keep only their headers. Safe to read from any task.
///
/// Readers that wait for a particular message (by queue id or Message-ID) take what they need and may
/// ``remove(where:)`` it once done, so the store holds only what is still awaited.
public final class MessageStore: Sendable {
    private struct State {
        var messages: [ReceivedMessage] = []
        var first = 0
        var contentOctets = 0
        var accepted = 0
        var evicted = 0
    }

    /// What the store keeps.
    public let retention: MessageRetention
    private let state = Locked(State())

    /// Creates an empty store.
    public init(retention: MessageRetention = .inProcess) {
        self.retention = retention
    }

    /// Adds an accepted message, evicting or trimming older ones to stay within the retention.
    func append(_ message: ReceivedMessage) {
        let retention = self.retention
        state.withLock { state in
            state.accepted += 1
            guard retention.messages > 0 else {
                state.evicted += 1
                return
            }
            state.messages.append(message)
            state.contentOctets += message.content.count
            while state.messages.count - state.first > retention.messages {
                state.contentOctets -= state.messages[state.first].content.count
                state.first += 1
                state.evicted += 1
            }
            var index = state.first
            while state.contentOctets > retention.contentOctets, index < state.messages.count {
                let before = state.messages[index].content.count
                state.messages[index].trimContent()
                state.contentOctets -= before - state.messages[index].content.count
                index += 1
            }
            if state.first > 64 && state.first * 2 > state.messages.count {
                state.messages.removeFirst(state.first)
                state.first = 0
            }
        }
    }

    /// A snapshot of the messages kept, oldest first.
    public var all: [ReceivedMessage] { state.withLock { Array($0.messages[$0.first...]) } }

    /// A snapshot of the messages kept, oldest first, with the number the first of them has among every message
    /// the server accepted (1 for the first ever), taken together.
    public var numbered: (first: Int, messages: [ReceivedMessage]) {
        state.withLock { ($0.evicted + 1, Array($0.messages[$0.first...])) }
    }

    /// How many messages are kept right now.
    public var count: Int { state.withLock { $0.messages.count - $0.first } }

    /// How many messages were accepted since the server started, kept or not.
    public var acceptedCount: Int { state.withLock { $0.accepted } }

    /// How many accepted messages are no longer kept (evicted by the retention or removed).
    public var evictedCount: Int { state.withLock { $0.evicted } }

    /// The content octets kept right now.
    public var contentOctets: Int { state.withLock { $0.contentOctets } }

    /// Forgets the messages `predicate` picks and returns how many.
    @discardableResult
    public func remove(where predicate: (ReceivedMessage) -> Bool) -> Int {
        state.withLock { state in
            var kept: [ReceivedMessage] = []
            var removed = 0
            var octets = 0
            for message in state.messages[state.first...] {
                if predicate(message) {
                    removed += 1
                } else {
                    kept.append(message)
                    octets += message.content.count
                }
            }
            state.messages = kept
            state.first = 0
            state.contentOctets = octets
            state.evicted += removed
            return removed
        }
    }

    /// Forgets every message.
    public func removeAll() {
        remove { _ in true }
    }
}
