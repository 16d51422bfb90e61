/// A message received after DATA, with what the server may want to check.
public struct DotUnstuffedMessage: Sendable, Hashable {
    /// The message octets after unstuffing, ending with the CRLF before the final "." (at most the size limit).
    public let bytes: [UInt8]
    /// The size of the whole message after unstuffing, including octets dropped over the limit.
    public let octets: Int
    /// Whether the message exceeded the reader's `maxMessageSize` (answer 552 5.3.4).
    public let sizeExceeded: Bool
    /// How many lines were over 1000 octets including CRLF (RFC 5321 §4.5.3.1.6).
    public let overlongLines: Int
    /// How many LFs were not preceded by CR (SMTP smuggling material).
    public let bareLineFeeds: Int
    /// How many CRs were not followed by LF.
    public let bareCarriageReturns: Int

    /// Creates a value.
    public init(
        bytes: [UInt8],
        octets: Int,
        sizeExceeded: Bool,
        overlongLines: Int,
        bareLineFeeds: Int,
        bareCarriageReturns: Int
    ) {
        self.bytes = bytes
        self.octets = octets
        self.sizeExceeded = sizeExceeded
        self.overlongLines = overlongLines
        self.bareLineFeeds = bareLineFeeds
        self.bareCarriageReturns = bareCarriageReturns
    }
}
