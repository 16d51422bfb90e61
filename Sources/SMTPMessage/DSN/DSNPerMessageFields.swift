/// The per-message fields of a DSN (RFC 3464 §2.2): the first group of the delivery-status part.
public struct DSNPerMessageFields: Sendable, Hashable {
    /// `Original-Envelope-Id` (§2.2.1): the ENVID the sender gave, as written.
    public let originalEnvelopeID: String?
    /// `Reporting-MTA` (§2.2.2, required): the MTA that wrote the DSN, e.g. `dns; mx.relay.example`.
    public let reportingMTA: DSNTypedValue
    /// `DSN-Gateway` (§2.2.3): the gateway that translated a foreign notification.
    public let dsnGateway: DSNTypedValue?
    /// `Received-From-MTA` (§2.2.4): the MTA the reporting MTA received the message from.
    public let receivedFromMTA: DSNTypedValue?
    /// `Arrival-Date` (§2.2.5): when the reporting MTA received the message, as written (an RFC 5322 date-time).
    public let arrivalDate: String?
    /// Every field of the group in order, extension fields (`X-Postfix-Queue-ID`...) included.
    public let fields: HeaderSection

    /// Reads the per-message group.
    init(_ section: HeaderSection) throws(DSNError) {
        let group = DSNFieldGroup(section: section, group: 0)
        originalEnvelopeID = try group.single("Original-Envelope-Id")
        reportingMTA = try group.requiredTyped("Reporting-MTA")
        dsnGateway = try group.typed("DSN-Gateway")
        receivedFromMTA = try group.typed("Received-From-MTA")
        arrivalDate = try group.single("Arrival-Date")
        fields = section
    }
}
