import SMTPCore

/// In an LMTP session, the reply after the message for one accepted recipient (RFC 2033 §4.2), with the
/// expectation it was judged against.
public struct RecipientReply: Sendable, Hashable, CustomStringConvertible {
    /// The recipient's position among the accepted recipients, from 0, in RCPT order.
    public var index: Int
    /// The recipient's forward-path as sent (`kate@fabrikam.com`), when known.
    public var recipient: String?
    /// The expectation as written (`250`, or the `per-recipient` entry).
    public var expected: String
    /// The reply.
    public var reply: Reply

    /// Creates a recipient's reply.
    public init(index: Int, recipient: String?, expected: String, reply: Reply) {
        self.index = index
        self.recipient = recipient
        self.expected = expected
        self.reply = reply
    }

    /// `recipient 2 (kate@fabrikam.com): expected 250, got 552 5.2.2 Mailbox full`.
    public var description: String {
        "recipient \(index + 1)" + (recipient.map { " (\($0))" } ?? "") + ": expected \(expected), got \(reply)"
    }
}
