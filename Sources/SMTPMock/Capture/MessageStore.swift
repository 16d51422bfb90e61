import Foundation

/// Keeps every message the server accepted, in arrival order, safe to read from any task.
public final class MessageStore: Sendable {
    private let messages = Locked<[ReceivedMessage]>([])

    /// Creates an empty store.
    public init() {}

    /// Adds an accepted message.
    func append(_ message: ReceivedMessage) {
        messages.withLock { $0.append(message) }
    }

    /// A snapshot of the messages received so far.
    public var all: [ReceivedMessage] { messages.withLock { $0 } }

    /// How many messages were received so far.
    public var count: Int { messages.withLock { $0.count } }

    /// Forgets every message.
    public func removeAll() {
        messages.withLock { $0.removeAll() }
    }
}
