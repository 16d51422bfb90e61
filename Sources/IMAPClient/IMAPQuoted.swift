/// Encodes values as IMAP quoted strings (RFC 9051 §4.3): `"` and `\` are escaped with `\`; CR, LF, NUL and
/// 8-bit octets cannot be quoted, so a value with any of them is refused rather than sent as a literal.
enum IMAPQuoted {
    /// `value` in double quotes; `what` names the value in the error (never the value itself, which may be a
    /// password).
    static func encode(_ value: String, what: String) throws(IMAPError) -> String {
        var quoted = "\""
        for byte in value.utf8 {
            switch byte {
            case 0, 10, 13:
                throw .invalidArgument("\(what) contains CR, LF or NUL, which IMAP cannot carry")
            case 128...:
                throw .invalidArgument("\(what) contains non-ASCII characters, which this client does not send")
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                quoted.append("\\")
                quoted.append(Character(Unicode.Scalar(byte)))
            default:
                quoted.append(Character(Unicode.Scalar(byte)))
            }
        }
        return quoted + "\""
    }
}
