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
    /// The size of the whole content in octets, also once ``content`` was trimmed.
    public var octets: Int
    /// Whether ``content`` holds only the header section (at most ``MessageRetention/headerOctets``) because the
    /// store's content budget was spent; the maildir, when there is one, has the whole message.
    public var isContentTrimmed = false

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
        self.octets = content.count
    }

    /// Cuts ``content`` down to its header section (up to and including the empty line that ends it), at most
    /// ``MessageRetention/headerOctets``.
    mutating func trimContent() {
        guard !isContentTrimmed else { return }
        isContentTrimmed = true
        let limit = min(content.count, MessageRetention.headerOctets)
        var end = limit
        var index = 0
        while index + 1 < limit {
            if content[index] == 0x0A, content[index + 1] == 0x0A {
                end = index + 2
                break
            }
            if content[index] == 0x0A, content[index + 1] == 0x0D, index + 2 < limit, content[index + 2] == 0x0A {
                end = index + 3
                break
            }
            index += 1
        }
        content = Array(content.prefix(end))
    }

    /// The forward-paths alone.
    public var forwardPaths: [String] { recipients.map { $0.forwardPath } }

    /// The content as text (lossy for bytes that are not UTF-8).
    public var text: String { String(decoding: content, as: UTF8.self) }
}
