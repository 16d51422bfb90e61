/// The RCPT `ORCPT=` value (RFC 3461 §4.2): `addr-type;xtext`, e.g. `rfc822;bob@example.com`.
public struct DSNOriginalRecipient: Sendable, Hashable, CustomStringConvertible {
    /// The address type, e.g. `rfc822` (or `utf-8` with SMTPUTF8).
    public let addressType: String
    /// The address, decoded.
    public let address: String

    /// Creates a value.
    public init(addressType: String = "rfc822", address: String) {
        self.addressType = addressType
        self.address = address
    }

    /// Parses `addr-type;xtext`, or returns `nil` when there is no `;`, the type is empty, or the xtext is bad.
    public init?(parsing value: String) {
        guard let semicolon = value.firstIndex(of: ";") else { return nil }
        let type = String(value[..<semicolon])
        guard !type.isEmpty, let address = XText.decode(String(value[value.index(after: semicolon)...])) else {
            return nil
        }
        self.init(addressType: type, address: address)
    }

    /// Why a written ORCPT value cannot be sent. The descriptions quote nothing of the value.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Nothing before the `;`.
        case emptyAddressType
        /// The address type is not an atom.
        case invalidAddressType
        /// Nothing after the `;` (or nothing at all).
        case emptyAddress

        /// What is wrong, in words that follow "'orcpt' ".
        public var description: String {
            switch self {
            case .emptyAddressType:
                return "has no address type before ';' (RFC 3461 §4.2: addr-type;address, e.g. rfc822;kate@example.com)"
            case .invalidAddressType:
                return "has an address type that is not an atom: letters, digits and !#$%&'*+-/=?^_`{|}~ "
                    + "(RFC 3461 §4.2)"
            case .emptyAddress:
                return "has no address (RFC 3461 §4.2: addr-type;address, e.g. rfc822;kate@example.com)"
            }
        }
    }

    /// Reads ORCPT as a scenario writes it, decoded: `addr-type;address`, or an address alone, taken as `rfc822`.
    /// The address type is an atom (RFC 3461 §4.2) and neither part is empty.
    public static func written(_ text: String) -> Result<DSNOriginalRecipient, Problem> {
        guard let semicolon = text.firstIndex(of: ";") else {
            return text.isEmpty ? .failure(.emptyAddress) : .success(DSNOriginalRecipient(address: text))
        }
        let type = String(text[..<semicolon])
        let address = String(text[text.index(after: semicolon)...])
        if type.isEmpty { return .failure(.emptyAddressType) }
        if !type.unicodeScalars.allSatisfy({ $0.isASCII && AddressSyntax.isAtext($0) }) {
            return .failure(.invalidAddressType)
        }
        if address.isEmpty { return .failure(.emptyAddress) }
        return .success(DSNOriginalRecipient(addressType: type, address: address))
    }

    /// `rfc822;` then the xtext-encoded address.
    public var value: String { "\(addressType);\(XText.encode(address))" }

    /// Whether the encoded value fits RFC 3461's 500 characters.
    public var isWithinLimit: Bool { value.utf8.count <= SMTPLimits.originalRecipient }

    /// The encoded value.
    public var description: String { value }
}
