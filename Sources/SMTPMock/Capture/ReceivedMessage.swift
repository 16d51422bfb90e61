import Foundation

/// A message the mock server accepted: its envelope and its exact content.
public struct ReceivedMessage: Sendable, Hashable {
    /// The reverse-path as the client gave it, without angle brackets (empty for the null path `<>`).
    public var reversePath: String
    /// The MAIL FROM parameters as written (`SIZE=123`, `BODY=8BITMIME`, `RET=HDRS`, …).
    public var mailParameters: [String]
    /// The accepted recipients, in RCPT order.
    public var recipients: [Recipient]
    /// The message content after dot-unstuffing (DATA) or the chunks joined (BDAT), without the
    /// terminating `.` line.
    public var content: [UInt8]
    /// Whether the content came by BDAT rather than DATA.
    public var viaBDAT: Bool
    /// The EHLO/HELO argument of the session.
    public var helo: String
    /// The user the session authenticated as, if any.
    public var authenticatedUser: String?
    /// Whether the session was under TLS.
    public var tls: Bool
    /// The identifier in the server's 250 reply (the queue id).
    public var queueID: String
    /// When the last octet arrived.
    public var receivedAt: Date

    /// One accepted forward-path with its parameters.
    public struct Recipient: Sendable, Hashable {
        /// The forward-path, without angle brackets.
        public var forwardPath: String
        /// The RCPT TO parameters as written (`NOTIFY=SUCCESS,FAILURE`, `ORCPT=rfc822;…`).
        public var parameters: [String]

        /// Creates a recipient.
        public init(forwardPath: String, parameters: [String]) {
            self.forwardPath = forwardPath
            self.parameters = parameters
        }
    }

    /// Creates a received message.
    public init(
        reversePath: String,
        mailParameters: [String],
        recipients: [Recipient],
        content: [UInt8],
        viaBDAT: Bool = false,
        helo: String = "",
        authenticatedUser: String? = nil,
        tls: Bool = false,
        queueID: String = "",
        receivedAt: Date = Date()
    ) {
        self.reversePath = reversePath
        self.mailParameters = mailParameters
        self.recipients = recipients
        self.content = content
        self.viaBDAT = viaBDAT
        self.helo = helo
        self.authenticatedUser = authenticatedUser
        self.tls = tls
        self.queueID = queueID
        self.receivedAt = receivedAt
    }

    /// The forward-paths alone.
    public var forwardPaths: [String] { recipients.map(\.forwardPath) }

    /// The content as text (lossy for bytes that are not UTF-8).
    public var text: String { String(decoding: content, as: UTF8.self) }
}
