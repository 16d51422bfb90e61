import SMTPCore

/// What a ``MockSession`` asks its connection to do, in order.
public enum SessionAction: Sendable, Hashable {
    /// Write a reply.
    case reply(Reply)
    /// Wait before doing the next action (a persona rule's delay).
    case delay(Duration)
    /// Start TLS now: the reply before this one was the STARTTLS 220; every byte the client sent
    /// after the STARTTLS line is discarded (RFC 3207 §4.2).
    case startTLS
    /// A message's content starts (after DATA's 354, or with a transaction's first BDAT chunk): content written out
    /// for an earlier message that was not delivered is dropped.
    case beginContent
    /// Octets of the current message's content, as they arrived (unstuffed), for a server that spools them; only
    /// when ``SessionEnvironment/spoolsContent``.
    case content([UInt8])
    /// Keep an accepted message (the reply after it tells the client so); with spooled content, the spool becomes
    /// the delivered message and the message's ``ReceivedMessage/content`` may hold only its headers.
    case deliver(ReceivedMessage)
    /// Close the connection.
    case close
}

extension SessionAction {
    /// Whether the action writes a reply.
    public var isReply: Bool {
        if case .reply = self { return true }
        return false
    }
}

extension Array where Element == SessionAction {
    /// The replies among the actions, in order.
    public var replies: [Reply] {
        compactMap { action in
            if case .reply(let reply) = action { return reply }
            return nil
        }
    }
}
