import SMTPRunner

/// A message an await step saw, in the JSON report: where it was, its envelope and headers, whether it is this
/// case's, and a notification's per-recipient fields.
struct JSONArrivalRecord: Codable {
    /// One recipient of a notification.
    struct NotifiedRecord: Codable {
        var recipient: String
        var action: String
        var status: String
        var diagnosticCode: String?
        var remoteMTA: String?
    }

    var origin: String
    var thisCase: Bool
    var sentMessage: Bool?
    var reversePath: String?
    var recipients: [String]?
    var deliveredTo: [String]?
    var messageID: String?
    var subject: String?
    var from: String?
    var receivedAt: String?
    var notification: [NotifiedRecord]?

    init(_ arrival: ArrivalSummary) {
        origin = arrival.origin
        thisCase = arrival.isThisCase
        sentMessage = arrival.isSentMessage ? true : nil
        reversePath = arrival.reversePath
        recipients = arrival.recipients
        deliveredTo = arrival.deliveredTo.isEmpty ? nil : arrival.deliveredTo
        messageID = arrival.messageID
        subject = arrival.subject
        from = arrival.from
        receivedAt = arrival.receivedAt.map(JSONReportDocument.timestamp)
        notification =
            arrival.notification.isEmpty
            ? nil
            : arrival.notification.map { notified in
                NotifiedRecord(
                    recipient: notified.recipient,
                    action: notified.action.rawValue,
                    status: notified.status.description,
                    diagnosticCode: notified.diagnosticCode,
                    remoteMTA: notified.remoteMTA
                )
            }
    }
}
