/// Bounds on what the client accepts from a server, so a broken or hostile server cannot make it use unbounded
/// memory. Exceeding one ends the session with ``IMAPError/limitExceeded(_:)``.
public struct IMAPLimits: Sendable, Hashable {
    /// The longest response line, in octets, not counting the CRLF and not counting the literals in the line
    /// (each text segment between literals is checked on its own). Default 65,536 (64 KiB).
    public var maxLineLength: Int
    /// The largest literal (`{n}` or `~{n}`) in a response, in octets: in practice the largest message
    /// ``IMAPSession/fetchMessage(uid:)`` can return. Default 33,554,432 (32 MiB).
    public var maxLiteralSize: Int
    /// The largest whole response (its lines and literals together), in octets. Default 33,685,504
    /// (32 MiB + 128 KiB: one largest literal and its FETCH line).
    public var maxResponseSize: Int
    /// The most UIDs one search returns; a search that matches more fails instead of returning part of them.
    /// Default 100.
    public var maxSearchResults: Int

    /// Limits with the stated defaults, any of them overridden.
    public init(
        maxLineLength: Int = 64 * 1024,
        maxLiteralSize: Int = 32 * 1024 * 1024,
        maxResponseSize: Int = 32 * 1024 * 1024 + 128 * 1024,
        maxSearchResults: Int = 100
    ) {
        self.maxLineLength = maxLineLength
        self.maxLiteralSize = maxLiteralSize
        self.maxResponseSize = maxResponseSize
        self.maxSearchResults = maxSearchResults
    }
}
