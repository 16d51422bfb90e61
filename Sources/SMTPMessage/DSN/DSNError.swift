/// Why a message is not a readable delivery status notification (RFC 3464). Descriptions quote no content of
/// the message.
public enum DSNError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message's header section could not be read.
    case message(MessageSyntaxError)
    /// The message's MIME structure could not be read.
    case mime(MIMEError)
    /// The top-level `Content-Type` is not `multipart/report` (it is the media type given).
    case notMultipartReport(mediaType: String)
    /// The `report-type` parameter is not `delivery-status` (it is the value given, or absent).
    case notDeliveryStatus(reportType: String?)
    /// The report's second body part is not `message/delivery-status` (RFC 6522 §3).
    case missingDeliveryStatusPart
    /// The delivery-status part's transfer encoding is neither 7bit, 8bit, binary nor base64, or its base64 is
    /// not valid.
    case unsupportedTransferEncoding(String)
    /// A group of fields in the delivery-status part could not be read as a header section.
    case deliveryStatus(MessageSyntaxError)
    /// The delivery-status part has no per-recipient group (RFC 3464 §2.1: at least one).
    case noRecipientFields
    /// A required field is missing from a group (0 is the per-message group, 1 the first recipient's).
    case missingField(name: String, group: Int)
    /// A field that may appear once appears more than once in a group.
    case duplicateField(name: String, group: Int)
    /// A group's `Action` is not delivered, relayed, expanded, delayed or failed (RFC 3464 §2.3.3).
    case invalidAction(group: Int)
    /// A group's `Status` is not an enhanced status code (RFC 3464 §2.3.4, RFC 3463).
    case invalidStatus(group: Int)
    /// A field that is `type; value` (an address, MTA name or diagnostic) is not that shape, or its type is not
    /// an atom (RFC 3464 §2.1.2).
    case invalidTypedField(name: String, group: Int)
    /// The returned content's header section could not be read.
    case returnedContent(MessageSyntaxError)

    /// What is wrong, with the RFC rule.
    public var description: String {
        switch self {
        case .message(let error): return "the message: \(error)"
        case .mime(let error): return "the message's MIME structure: \(error)"
        case .notMultipartReport(let mediaType):
            return "the message is \(mediaType), not multipart/report (RFC 6522)"
        case .notDeliveryStatus(let reportType):
            return "the report's report-type is \(reportType.map { "'\($0)'" } ?? "absent"), not delivery-status "
                + "(RFC 3464 §2)"
        case .missingDeliveryStatusPart:
            return "the report's second part is not message/delivery-status (RFC 6522 §3)"
        case .unsupportedTransferEncoding(let encoding):
            return "the delivery-status part's transfer encoding '\(encoding)' cannot be read"
        case .deliveryStatus(let error): return "the delivery-status part: \(error)"
        case .noRecipientFields:
            return "the delivery-status part has no per-recipient fields (RFC 3464 §2.1)"
        case .missingField(let name, let group):
            return "\(Self.groupName(group)) has no \(name) field (RFC 3464 §2)"
        case .duplicateField(let name, let group):
            return "\(Self.groupName(group)) has more than one \(name) field (RFC 3464 §2)"
        case .invalidAction(let group):
            return "\(Self.groupName(group)) has an Action other than delivered, relayed, expanded, delayed or "
                + "failed (RFC 3464 §2.3.3)"
        case .invalidStatus(let group):
            return "\(Self.groupName(group)) has a Status that is not an enhanced status code class.subject.detail "
                + "(RFC 3464 §2.3.4)"
        case .invalidTypedField(let name, let group):
            return "\(Self.groupName(group))'s \(name) is not type; value with an atom for the type (RFC 3464 §2.1.2)"
        case .returnedContent(let error): return "the returned content: \(error)"
        }
    }

    private static func groupName(_ group: Int) -> String {
        group == 0 ? "the per-message group" : "per-recipient group \(group)"
    }
}
