import SMTPCore

/// The per-recipient fields of a DSN (RFC 3464 §2.3): one group of the delivery-status part after the first.
public struct DSNRecipientFields: Sendable, Hashable {
    /// `Original-Recipient` (§2.3.1): the recipient as the sender gave it (the ORCPT parameter), in SMTPCore's
    /// ORCPT type so it compares with what was sent.
    public let originalRecipient: DSNOriginalRecipient?
    /// `Final-Recipient` (§2.3.2, required): the recipient this report is about, e.g. `rfc822;
    /// kate@relay.example`.
    public let finalRecipient: DSNTypedValue
    /// `Action` (§2.3.3, required).
    public let action: DSNAction
    /// `Status` (§2.3.4, required): the enhanced status code.
    public let status: EnhancedStatusCode
    /// `Remote-MTA` (§2.3.5): the MTA that gave the diagnostic, e.g. `dns; sink.relay.example`.
    public let remoteMTA: DSNTypedValue?
    /// `Diagnostic-Code` (§2.3.6): what the remote MTA said, e.g. `smtp; 550 5.1.1 ...`.
    public let diagnosticCode: DSNTypedValue?
    /// `Last-Attempt-Date` (§2.3.7), as written.
    public let lastAttemptDate: String?
    /// `Final-Log-ID` (§2.3.8), as written.
    public let finalLogID: String?
    /// `Will-Retry-Until` (§2.3.9, for `delayed`), as written.
    public let willRetryUntil: String?
    /// Every field of the group in order, extension fields included.
    public let fields: HeaderSection

    /// Reads per-recipient group number `group` (1 for the first).
    init(_ section: HeaderSection, group number: Int) throws(DSNError) {
        let group = DSNFieldGroup(section: section, group: number)
        if let original = try group.typed("Original-Recipient") {
            guard case .success(let recipient) = DSNOriginalRecipient.written("\(original.type);\(original.value)")
            else { throw .invalidTypedField(name: "Original-Recipient", group: number) }
            originalRecipient = recipient
        } else {
            originalRecipient = nil
        }
        finalRecipient = try group.requiredTyped("Final-Recipient")
        let actionText = try group.required("Action")
        guard let action = DSNAction(parsing: actionText) else {
            throw .invalidAction(group: number)
        }
        self.action = action
        let statusText = try group.required("Status")
        status = try Self.status(statusText, group: number)
        remoteMTA = try group.typed("Remote-MTA")
        diagnosticCode = try group.typed("Diagnostic-Code", allowEmptyValue: true)
        lastAttemptDate = try group.single("Last-Attempt-Date")
        finalLogID = try group.single("Final-Log-ID")
        willRetryUntil = try group.single("Will-Retry-Until")
        fields = section
    }

    /// An enhanced status code, then nothing but an optional comment (`5.0.0 (permanent failure)`).
    private static func status(_ text: String, group: Int) throws(DSNError) -> EnhancedStatusCode {
        guard let (code, rest) = EnhancedStatusCode.leading(in: text) else { throw .invalidStatus(group: group) }
        var scanner = StructuredScanner(rest)
        guard scanner.skipCFWS(), scanner.isAtEnd else { throw .invalidStatus(group: group) }
        return code
    }
}
