import Foundation
import SMTPCore
import SMTPMessage

/// A message an await step saw, as a report shows it: where it was, its envelope and identifying headers, and
/// for a notification its per-recipient fields. A failed step lists what *did* arrive.
public struct ArrivalSummary: Sendable, Hashable {
    /// Where it is (`capture relay-sink (127.0.0.1:2526) #3`, `maildir …/new/…`, `imap … UID 42`).
    public var origin: String
    /// The reverse-path it arrived with, when the source knows it.
    public var reversePath: String?
    /// The envelope recipients, when the source knows them.
    public var recipients: [String]?
    /// Its Message-ID header.
    public var messageID: String?
    /// Its Subject header.
    public var subject: String?
    /// Its From header.
    public var from: String?
    /// Its Delivered-To headers (what a mailbox knows of its envelope recipient).
    public var deliveredTo: [String]
    /// When it arrived, when the source knows.
    public var receivedAt: Date?
    /// Whether it is what the step waits for: this case's message, or a notification about it.
    public var isThisCase: Bool
    /// Whether it is the message this case sent, seen while the step waited for something else (its notification).
    public var isSentMessage = false
    /// For a delivery status notification: its per-recipient fields.
    public var notification: [NotifiedRecipient]

    /// One recipient of a notification.
    public struct NotifiedRecipient: Sendable, Hashable, CustomStringConvertible {
        /// The Original-Recipient's address, else the Final-Recipient's.
        public var recipient: String
        /// `Action`.
        public var action: DSNAction
        /// `Status`.
        public var status: EnhancedStatusCode
        /// `Diagnostic-Code`, when given: the remote server's reply.
        public var diagnosticCode: String?
        /// `Remote-MTA`, when given.
        public var remoteMTA: String?

        /// Creates a notified recipient.
        public init(
            recipient: String,
            action: DSNAction,
            status: EnhancedStatusCode,
            diagnosticCode: String? = nil,
            remoteMTA: String? = nil
        ) {
            self.recipient = recipient
            self.action = action
            self.status = status
            self.diagnosticCode = diagnosticCode
            self.remoteMTA = remoteMTA
        }

        /// `kate@relay.example: failed 5.1.1 (smtp; 550 5.1.1 User unknown)`.
        public var description: String {
            "\(recipient): \(action) \(status)" + (diagnosticCode.map { " (\($0))" } ?? "")
        }
    }

    /// Creates a summary.
    public init(
        origin: String,
        reversePath: String? = nil,
        recipients: [String]? = nil,
        messageID: String? = nil,
        subject: String? = nil,
        from: String? = nil,
        deliveredTo: [String] = [],
        receivedAt: Date? = nil,
        isThisCase: Bool = false,
        notification: [NotifiedRecipient] = []
    ) {
        self.origin = origin
        self.reversePath = reversePath
        self.recipients = recipients
        self.messageID = messageID
        self.subject = subject
        self.from = from
        self.deliveredTo = deliveredTo
        self.receivedAt = receivedAt
        self.isThisCase = isThisCase
        self.notification = notification
    }

    /// The summary with `transform` applied to every text it holds (masking secrets).
    public func mapTexts(_ transform: (String) -> String) -> ArrivalSummary {
        var copy = self
        copy.origin = transform(origin)
        copy.reversePath = reversePath.map(transform)
        copy.recipients = recipients?.map(transform)
        copy.messageID = messageID.map(transform)
        copy.subject = subject.map(transform)
        copy.from = from.map(transform)
        copy.deliveredTo = deliveredTo.map(transform)
        copy.notification = notification.map { recipient in
            var masked = recipient
            masked.recipient = transform(recipient.recipient)
            masked.diagnosticCode = recipient.diagnosticCode.map(transform)
            masked.remoteMTA = recipient.remoteMTA.map(transform)
            return masked
        }
        return copy
    }

    /// One line: `capture relay-sink (…) #3: <chris@relay.example> -> kate@relay.example, Message-ID <…>,
    /// Subject "flow 1"; kate@relay.example: relayed 2.0.0`.
    public var line: String {
        var parts: [String] = []
        if let reversePath { parts.append("from <\(reversePath)>") }
        if let recipients { parts.append("to " + recipients.joined(separator: ", ")) }
        if recipients == nil, !deliveredTo.isEmpty {
            parts.append("Delivered-To " + deliveredTo.joined(separator: ", "))
        }
        if let messageID { parts.append("Message-ID \(messageID)") }
        if let subject { parts.append("Subject \"\(subject)\"") }
        var text = origin + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
        if !notification.isEmpty { text += "; " + notification.map(\.description).joined(separator: "; ") }
        return text
    }
}
