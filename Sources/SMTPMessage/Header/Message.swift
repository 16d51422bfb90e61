/// A message (RFC 5322 §2.1): a header section and a body, read from octets with CRLF or bare LF line ends.
public struct Message: Sendable, Hashable {
    /// The header section.
    public let headers: HeaderSection
    /// The body's octets, line ends as they were.
    public let bodyBytes: [UInt8]

    /// Reads a message; the body is everything after the first empty line (empty when there is none).
    public init(parsing bytes: [UInt8], limits: MessageLimits = .standard) throws(MessageSyntaxError) {
        let (section, bodyStart) = try HeaderReader.read(bytes[...], limits: limits)
        headers = section
        bodyBytes = Array(bytes[bodyStart...])
    }

    /// Reads a message from its text.
    public init(parsing text: String, limits: MessageLimits = .standard) throws(MessageSyntaxError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }

    /// Creates a message from its parts.
    public init(headers: HeaderSection, bodyBytes: [UInt8]) {
        self.headers = headers
        self.bodyBytes = bodyBytes
    }

    /// The body as text (invalid UTF-8 becomes U+FFFD), line ends as they were.
    public var body: String { ASCII.text(bodyBytes) }

    /// The top-level `Message-ID`'s msg-id, or `nil` when there is none or it is not valid.
    public var messageID: MessageID? { headers.messageID }
}
