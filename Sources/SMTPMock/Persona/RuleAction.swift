/// What the server does when a ``PersonaRule`` applies, in this order: wait ``delay``, send
/// ``reply`` (or the usual reply when there is none), then close the connection if ``disconnect``.
///
/// A 4xx or 5xx ``reply`` refuses the command: nothing changes. A 2xx or 3xx ``reply`` lets the
/// command take effect as usual and replaces the usual positive reply's text.
public struct RuleAction: Sendable, Hashable {
    /// The reply to send instead of the usual one.
    public var reply: ReplyTemplate?
    /// Whether the connection is closed after the reply (without a reply when ``reply`` is `nil`).
    public var disconnect: Bool
    /// How long to wait before answering.
    public var delay: Duration?

    /// Creates an action.
    public init(reply: ReplyTemplate? = nil, disconnect: Bool = false, delay: Duration? = nil) {
        self.reply = reply
        self.disconnect = disconnect
        self.delay = delay
    }
}
