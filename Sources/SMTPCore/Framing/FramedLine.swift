/// A command line received by a server, without its line ending.
public struct FramedLine: Sendable, Hashable {
    /// The line's octets without CRLF (or the bare LF). A line a framer returns shares the framer's buffer
    /// instead of copying it: read it before giving the framer more bytes, or it is copied then. Its indices are
    /// the buffer's, so index it from `bytes.startIndex`.
    public let bytes: ArraySlice<UInt8>
    /// The octets on the wire, including the line ending.
    public let octets: Int
    /// Whether the line ended with a bare LF instead of CRLF (RFC 5321 §2.3.8 forbids it; many servers accept).
    public let endedWithBareLineFeed: Bool

    /// Creates a framed line.
    public init(bytes: ArraySlice<UInt8>, octets: Int, endedWithBareLineFeed: Bool) {
        self.bytes = bytes
        self.octets = octets
        self.endedWithBareLineFeed = endedWithBareLineFeed
    }

    /// The line as text; bytes that are not UTF-8 are shown as U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
