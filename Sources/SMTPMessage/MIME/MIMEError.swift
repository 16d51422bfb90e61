/// Why a MIME entity (RFC 2045, RFC 2046) could not be read. Descriptions quote no content of the message.
public enum MIMEError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `Content-Type` field is not `type/subtype *(; attribute=value)` (RFC 2045 §5.1); the reason says where.
    case invalidContentType(reason: String)
    /// A `Content-Type` field names the same parameter twice.
    case duplicateParameter(name: String)
    /// A multipart entity's `Content-Type` has no `boundary` parameter (RFC 2046 §5.1.1).
    case missingBoundary
    /// A boundary is empty, longer than 70 characters, ends with a space, or has a character outside bchars
    /// (RFC 2046 §5.1.1).
    case invalidBoundary
    /// A multipart body has no delimiter line for its boundary.
    case noBodyPart
    /// A multipart body ends without its close delimiter (`--boundary--`).
    case unterminatedMultipart
    /// The multipart entities of the message have more body parts together than the limit.
    case tooManyParts(limit: Int)
    /// Multipart entities are nested deeper than the limit.
    case nestingTooDeep(limit: Int)
    /// A body part's header section could not be read.
    case partHeader(MessageSyntaxError)

    /// What is wrong, with the RFC rule.
    public var description: String {
        switch self {
        case .invalidContentType(let reason):
            return "a Content-Type field \(reason) (RFC 2045 §5.1: type/subtype *(; attribute=value))"
        case .duplicateParameter(let name):
            return "a Content-Type field has the parameter '\(name)' more than once"
        case .missingBoundary:
            return "a multipart entity's Content-Type has no boundary parameter (RFC 2046 §5.1.1)"
        case .invalidBoundary:
            return "a multipart boundary is not 1 to 70 characters from bchars, not ending in a space "
                + "(RFC 2046 §5.1.1)"
        case .noBodyPart:
            return "a multipart body has no delimiter line for its boundary (RFC 2046 §5.1.1)"
        case .unterminatedMultipart:
            return "a multipart body ends without its close delimiter --boundary-- (RFC 2046 §5.1.1)"
        case .tooManyParts(let limit):
            return "the message has more than \(limit) body parts"
        case .nestingTooDeep(let limit):
            return "multipart entities are nested more than \(limit) deep"
        case .partHeader(let error):
            return "a body part's header: \(error)"
        }
    }
}
