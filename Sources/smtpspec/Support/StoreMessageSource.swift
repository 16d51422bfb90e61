import SMTPMock
import SMTPRunner

/// An in-process mock server's received messages (a capture's, or `run --mock`'s) as the runner's
/// ``MessageSource``: the CLI wires SMTPMock into SMTPRunner, which does not know the mock.
struct StoreMessageSource: MessageSource {
    /// The server's store.
    let store: MessageStore
    /// How a report names the server: `capture relay-sink (127.0.0.1:2526)`.
    let name: String

    func candidates(for query: ArrivalQuery, limit: Int) async throws -> [ArrivedMessage] {
        var found: [ArrivedMessage] = []
        let (first, all) = store.numbered
        for (index, message) in all.enumerated().reversed() where query.isMentioned(in: message.content) {
            found.append(arrived(message, number: first + index))
            if found.count >= limit { break }
        }
        return found
    }

    func latest(limit: Int) async throws -> [ArrivedMessage] {
        let (first, all) = store.numbered
        return all.indices.suffix(limit).map { arrived(all[$0], number: first + $0) }
    }

    private func arrived(_ message: ReceivedMessage, number: Int) -> ArrivedMessage {
        ArrivedMessage(
            origin: "\(name) #\(number) (queue id \(message.queueID))",
            reversePath: message.reversePath,
            recipients: message.forwardPaths,
            content: message.content,
            isContentTrimmed: message.isContentTrimmed,
            receivedAt: message.receivedAt
        )
    }
}
