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
    /// The message content kept so far (DATA after unstuffing, or the BDAT chunks joined), at most the session's
    /// ``MockSession/keptContentLimit``.
    var chunks: [UInt8] = []
    /// The octets of message content received so far, kept or not.
    var contentOctets = 0
    /// Whether a BDAT was given in this transaction (DATA is then out of sequence).
    var usedBDAT = false
    /// Whether the BDAT chunks went over the size limit.
    var chunksTooBig = false
}
