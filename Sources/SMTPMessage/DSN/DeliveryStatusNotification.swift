import SMTPCore

/// A delivery status notification (RFC 3464): a `multipart/report; report-type=delivery-status` message
/// (RFC 6522) whose second part, `message/delivery-status`, holds per-message and per-recipient fields.
public struct DeliveryStatusNotification: Sendable, Hashable {
    /// The notification's own header section.
    public let headers: HeaderSection
    /// The first part's text, the explanation for a person (undecoded, as sent); when the first part is
    /// multipart (Exchange sends multipart/alternative), its first text/plain part's.
    public let humanReadable: String
    /// The per-message fields.
    public let perMessage: DSNPerMessageFields
    /// The per-recipient fields, at least one, in order.
    public let recipients: [DSNRecipientFields]
    /// The third part, when there is one of a returned-content type (see ``DSNReturnedContent``).
    public let returnedContent: DSNReturnedContent?

    /// Reads a notification from its octets (CRLF or bare LF line ends).
    public init(parsing bytes: [UInt8], limits: MessageLimits = .standard) throws(DSNError) {
        let message: Message
        do throws(MessageSyntaxError) {
            message = try Message(parsing: bytes, limits: limits)
        } catch {
            throw .message(error)
        }
        try self.init(message: message, limits: limits)
    }

    /// Reads a notification from its text.
    public init(parsing text: String, limits: MessageLimits = .standard) throws(DSNError) {
        try self.init(parsing: Array(text.utf8), limits: limits)
    }

    /// Reads a notification from a message already read.
    public init(message: Message, limits: MessageLimits = .standard) throws(DSNError) {
        // Check the top-level type before reading the whole MIME structure.
        let topType: ContentType
        do throws(MIMEError) {
            topType =
                try message.headers["Content-Type"].map { (text) throws(MIMEError) in
                    try ContentType(parsing: text)
                } ?? .textPlain
        } catch {
            throw .mime(error)
        }
        guard topType.mediaType == "multipart/report" else { throw .notMultipartReport(mediaType: topType.mediaType) }
        guard topType.reportType == "delivery-status" else { throw .notDeliveryStatus(reportType: topType.reportType) }
        let entity: MIMEEntity
        do throws(MIMEError) {
            entity = try MIMEEntity(message: message, limits: limits)
        } catch {
            throw .mime(error)
        }
        let statusTypes: Set<String> = ["message/delivery-status", "message/global-delivery-status"]
        guard entity.parts.count >= 2, statusTypes.contains(entity.parts[1].contentType.mediaType) else {
            throw .missingDeliveryStatusPart
        }
        headers = message.headers
        humanReadable = (entity.parts[0].first(mediaType: "text/plain") ?? entity.parts[0]).bodyText
        let groups = try Self.groups(try Self.decoded(entity.parts[1]), limits: limits)
        guard let first = groups.first else { throw .missingField(name: "Reporting-MTA", group: 0) }
        perMessage = try DSNPerMessageFields(first)
        guard groups.count > 1 else { throw .noRecipientFields }
        var recipients: [DSNRecipientFields] = []
        for (offset, section) in groups.dropFirst().enumerated() {
            recipients.append(try DSNRecipientFields(section, group: offset + 1))
        }
        self.recipients = recipients
        returnedContent = try entity.parts.count > 2 ? DSNReturnedContent(entity.parts[2], limits: limits) : nil
    }

    /// The returned message's `Message-ID`, when the report returned its headers.
    public var returnedMessageID: MessageID? { returnedContent?.messageID }

    /// The delivery-status part's body, base64 decoded when it is so encoded.
    private static func decoded(_ part: MIMEEntity) throws(DSNError) -> ArraySlice<UInt8> {
        let encoding = part.headers["Content-Transfer-Encoding"]?.lowercased() ?? "7bit"
        switch encoding {
        case "7bit", "8bit", "binary":
            return part.body
        case "base64":
            let text = ASCII.text(part.body.filter { $0 > 32 })
            guard let bytes = Base64.decode(text) else { throw .unsupportedTransferEncoding(encoding) }
            return bytes[...]
        default:
            throw .unsupportedTransferEncoding(encoding)
        }
    }

    /// The groups of a delivery-status body (RFC 3464 §2.1): header sections separated by empty lines; extra
    /// empty lines are ignored.
    private static func groups(_ body: ArraySlice<UInt8>, limits: MessageLimits) throws(DSNError) -> [HeaderSection] {
        var groups: [HeaderSection] = []
        var index = body.startIndex
        while index < body.endIndex {
            let read: (section: HeaderSection, bodyStart: Int)
            do throws(MessageSyntaxError) {
                read = try HeaderReader.read(body[index...], limits: limits)
            } catch {
                throw .deliveryStatus(error)
            }
            let (section, next) = read
            if !section.isEmpty {
                guard groups.count < limits.partCount else {
                    throw .deliveryStatus(.tooManyFields(limit: limits.partCount))
                }
                groups.append(section)
            }
            index = next
        }
        return groups
    }
}
