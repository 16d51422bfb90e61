import SMTPCore

/// A mail transaction in progress: from MAIL to the end of the message (RFC 5321 §3.3).
struct MailTransaction: Sendable, Hashable {
    /// The reverse-path without angle brackets; empty for `<>`.
    var reversePath: String
    /// The MAIL parameters as written.
    var parameters: [String]
    /// The MAIL parameters as SMTPCore reads them (BODY=BINARYMIME: only BDAT may carry the message).
    var envelope = MailParameters()
    /// The accepted recipients.
    var recipients: [ReceivedMessage.Recipient] = []
    /// How many RCPT commands were refused.
    var refusedRecipients = 0
    /// The BDAT chunks so far.
    var chunks: [UInt8] = []
    /// Whether a BDAT was given in this transaction (DATA is then out of sequence).
    var usedBDAT = false
    /// Whether the BDAT chunks went over the size limit.
    var chunksTooBig = false
}
