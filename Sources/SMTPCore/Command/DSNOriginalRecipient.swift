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

    /// `rfc822;` then the xtext-encoded address.
    public var value: String { "\(addressType);\(XText.encode(address))" }

    /// Whether the encoded value fits RFC 3461's 500 characters.
    public var isWithinLimit: Bool { value.utf8.count <= SMTPLimits.originalRecipient }

    /// The encoded value.
    public var description: String { value }
}
