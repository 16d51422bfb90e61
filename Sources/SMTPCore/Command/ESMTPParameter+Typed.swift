extension ESMTPParameter {
    /// `SIZE=<octets>` (RFC 1870).
    public static func size(_ octets: Int) -> ESMTPParameter {
        ESMTPParameter(keyword: "SIZE", value: String(max(0, octets)))
    }

    /// `BODY=7BIT`, `BODY=8BITMIME` or `BODY=BINARYMIME`.
    public static func body(_ type: MailBodyType) -> ESMTPParameter {
        ESMTPParameter(keyword: "BODY", value: type.rawValue)
    }

    /// `RET=FULL` or `RET=HDRS` (RFC 3461 §4.3).
    public static func ret(_ value: DSNReturn) -> ESMTPParameter {
        ESMTPParameter(keyword: "RET", value: value.rawValue)
    }

    /// `ENVID=<xtext>` (RFC 3461 §4.4); `envelopeID` is given unencoded.
    public static func envid(_ envelopeID: String) -> ESMTPParameter {
        ESMTPParameter(keyword: "ENVID", value: XText.encode(envelopeID))
    }

    /// `NOTIFY=...` (RFC 3461 §4.1).
    public static func notify(_ notify: DSNNotify) -> ESMTPParameter {
        ESMTPParameter(keyword: "NOTIFY", value: notify.value)
    }

    /// `ORCPT=addr-type;xtext` (RFC 3461 §4.2).
    public static func orcpt(_ recipient: DSNOriginalRecipient) -> ESMTPParameter {
        ESMTPParameter(keyword: "ORCPT", value: recipient.value)
    }

    /// `SMTPUTF8` (RFC 6531), no value.
    public static let smtputf8 = ESMTPParameter(keyword: "SMTPUTF8")

    /// `REQUIRETLS` (RFC 8689), no value.
    public static let requireTLS = ESMTPParameter(keyword: "REQUIRETLS")

    /// `AUTH=<xtext>` on MAIL (RFC 4954 §5); `nil` gives `AUTH=<>`.
    public static func auth(_ identity: String?) -> ESMTPParameter {
        ESMTPParameter(keyword: "AUTH", value: identity.map(XText.encode) ?? "<>")
    }
}

extension Array where Element == ESMTPParameter {
    /// The first parameter with this keyword (any case).
    public func first(keyword: String) -> ESMTPParameter? {
        first { $0.has(keyword: keyword) }
    }
}

extension ESMTPParameter {
    /// The EHLO keyword a server advertises when it takes this parameter: 8BITMIME or BINARYMIME for those BODY
    /// values (RFC 6152, RFC 3030; `BODY=7BIT` and values no extension defines need none), DSN for RET, ENVID,
    /// NOTIFY and ORCPT (RFC 3461), and otherwise the keyword itself: SIZE (RFC 1870), SMTPUTF8 (RFC 6531), AUTH
    /// (RFC 4954 §5), REQUIRETLS (RFC 8689), or the extension of that name.
    public var extensionKeyword: String? {
        switch keyword.uppercased() {
        case "BODY":
            switch value.flatMap(MailBodyType.init(parsing:)) {
            case .eightBitMIME: return "8BITMIME"
            case .binaryMIME: return "BINARYMIME"
            case .sevenBit, nil: return nil
            }
        case "RET", "ENVID", "NOTIFY", "ORCPT": return "DSN"
        case let other: return other
        }
    }
}
