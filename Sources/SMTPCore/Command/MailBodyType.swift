/// The MAIL `BODY=` value: 7BIT, 8BITMIME (RFC 6152) or BINARYMIME (RFC 3030, BDAT only).
public enum MailBodyType: String, Sendable, Hashable, CaseIterable {
    /// `BODY=7BIT`.
    case sevenBit = "7BIT"
    /// `BODY=8BITMIME`.
    case eightBitMIME = "8BITMIME"
    /// `BODY=BINARYMIME`.
    case binaryMIME = "BINARYMIME"

    /// Parses a value, ignoring case.
    public init?(parsing text: String) {
        self.init(rawValue: text.uppercased())
    }
}
