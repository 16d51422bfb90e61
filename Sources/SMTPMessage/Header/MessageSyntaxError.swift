/// Why a header section (RFC 5322 §2.2) could not be read. Descriptions quote no content of the message.
public enum MessageSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The header section is longer than the limit, in octets.
    case headerSectionTooLarge(limit: Int)
    /// The header section has more fields than the limit.
    case tooManyFields(limit: Int)
    /// A header line (1-based) is longer than the limit, in octets without its line end.
    case lineTooLong(line: Int, limit: Int)
    /// A header line (1-based) that does not start with white space has no colon.
    case missingColon(line: Int)
    /// A header line's (1-based) field name is empty or has a character outside ftext (RFC 5322 §3.6.8:
    /// printable US-ASCII except colon).
    case invalidFieldName(line: Int)
    /// The first header line starts with white space, so it continues no field.
    case continuationWithoutField(line: Int)

    /// What is wrong, with the RFC rule.
    public var description: String {
        switch self {
        case .headerSectionTooLarge(let limit):
            return "the header section is longer than \(limit) octets"
        case .tooManyFields(let limit):
            return "the header section has more than \(limit) fields"
        case .lineTooLong(let line, let limit):
            return "header line \(line) is longer than \(limit) octets (RFC 5322 §2.1.1)"
        case .missingColon(let line):
            return "header line \(line) has no colon: a field is name \":\" value (RFC 5322 §2.2)"
        case .invalidFieldName(let line):
            return "header line \(line) has a field name that is empty or has a character other than printable "
                + "US-ASCII except colon (RFC 5322 §3.6.8 ftext)"
        case .continuationWithoutField(let line):
            return "header line \(line) starts with white space but follows no field (RFC 5322 §2.2.3)"
        }
    }
}
