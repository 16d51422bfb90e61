import SMTPCore

/// In an LMTP session, the reply after the message for one accepted recipient (RFC 2033 §4.2), with the
/// expectation it was judged against.
public struct RecipientReply: Sendable, Hashable, CustomStringConvertible {
    /// The recipient's position among the accepted recipients, from 0, in RCPT order.
    public var index: Int
    /// The RCPT command line that added the recipient, as the transcript shows it
    /// (`RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS`), when known.
    public var rcptLine: String?
    /// The expectation as written (`250`, or the `per-recipient` entry).
    public var expected: String
    /// The reply.
    public var reply: Reply

    /// Creates a recipient's reply.
    public init(index: Int, rcptLine: String?, expected: String, reply: Reply) {
        self.index = index
        self.rcptLine = rcptLine
        self.expected = expected
        self.reply = reply
    }

    /// `recipient 2 (RCPT TO:<full@fabrikam.com>): expected 250, got 552 5.2.2 Mailbox full`.
    public var description: String {
        "recipient \(index + 1)" + (rcptLine.map { " (\($0))" } ?? "") + ": expected \(expected), got \(reply)"
    }
}
