/// How much of what a ``MockServer`` accepted stays in memory for in-process readers (tests, `run --mock`).
///
/// A long-running mock must not keep every message: the maildir (when there is one) holds them all, and memory keeps
/// the most recent ``messages`` envelopes. Their content shares a budget of ``contentOctets``: past it, the oldest
/// messages keep only their header section (at most ``headerOctets``) and say so in
/// ``ReceivedMessage/isContentTrimmed``.
public struct MessageRetention: Sendable, Hashable {
    /// The most messages kept; the oldest go first. 0 keeps none.
    public var messages: Int
    /// The most content octets kept across the kept messages.
    public var contentOctets: Int

    /// The longest header section a trimmed message keeps: 16 KiB.
    public static let headerOctets = 16_384

    /// Creates a retention policy; negative values count as 0.
    public init(messages: Int, contentOctets: Int) {
        self.messages = max(0, messages)
        self.contentOctets = max(0, contentOctets)
    }

    /// For in-process readers: the last 1,000 messages, with up to 64 MiB of content between them.
    public static let inProcess = MessageRetention(messages: 1_000, contentOctets: 64 << 20)

    /// For the standalone `smtpspec mock`, which nobody reads in process: the last 100 envelopes and header
    /// sections, no bodies (the maildir has the messages).
    public static let standalone = MessageRetention(messages: 100, contentOctets: 0)
}
