/// The parameters of a MAIL command read into typed values (RFC 1870, 6152, 3030, 3461, 6531, 4954, 8689).
///
/// A malformed value or a repeated keyword is a `CommandSyntaxError` (501, RFC 3461 §4.5); keywords this type
/// does not know are kept in `others`, for the server to answer 555 when it does not implement them.
public struct MailParameters: Sendable, Hashable {
    /// `SIZE=`: the declared message size in octets.
    public var size: Int?
    /// `BODY=`.
    public var body: MailBodyType?
    /// `RET=`.
    public var ret: DSNReturn?
    /// `ENVID=`, decoded from xtext.
    public var envelopeID: String?
    /// `SMTPUTF8` was given.
    public var smtputf8: Bool = false
    /// `REQUIRETLS` was given.
    public var requireTLS: Bool = false
    /// `AUTH=`: the decoded identity, `""` for `AUTH=<>`.
    public var auth: String?
    /// Other parameters, in order.
    public var others: [ESMTPParameter] = []

    /// Empty parameters.
    public init() {}

    /// Reads MAIL parameters.
    public static func parse(_ parameters: [ESMTPParameter]) -> Result<MailParameters, CommandSyntaxError> {
        var result = MailParameters()
        let keyed: [(keyword: String, parameter: ESMTPParameter)]
        switch ESMTPParameter.keyedOnce(parameters) {
        case .success(let list): keyed = list
        case .failure(let error): return .failure(error)
        }
        for (keyword, parameter) in keyed {
            switch keyword {
            case "SIZE":
                guard let size = parameter.value.flatMap(Self.size(parsing:)) else {
                    return .failure(bad(parameter, "SIZE=<octets>"))
                }
                result.size = size
            case "BODY":
                guard let body = parameter.value.flatMap(MailBodyType.init(parsing:)) else {
                    return .failure(bad(parameter, "BODY=7BIT, 8BITMIME or BINARYMIME"))
                }
                result.body = body
            case "RET":
                guard let ret = parameter.value.flatMap(DSNReturn.init(parsing:)) else {
                    return .failure(bad(parameter, "RET=FULL or RET=HDRS"))
                }
                result.ret = ret
            case "ENVID":
                guard let decoded = parameter.value.flatMap(XText.decode), Self.isEnvelopeID(decoded) else {
                    return .failure(bad(parameter, "ENVID=<xtext of at most 100 printable ASCII characters>"))
                }
                result.envelopeID = decoded
            case "SMTPUTF8":
                guard parameter.value == nil else { return .failure(bad(parameter, "SMTPUTF8 (no value)")) }
                result.smtputf8 = true
            case "REQUIRETLS":
                guard parameter.value == nil else { return .failure(bad(parameter, "REQUIRETLS (no value)")) }
                result.requireTLS = true
            case "AUTH":
                guard let value = parameter.value else { return .failure(bad(parameter, "AUTH=<xtext> or AUTH=<>")) }
                if value == "<>" {
                    result.auth = ""
                } else {
                    guard let identity = XText.decode(value) else {
                        return .failure(bad(parameter, "AUTH=<xtext> or AUTH=<>"))
                    }
                    result.auth = identity
                }
            default:
                result.others.append(parameter)
            }
        }
        return .success(result)
    }

    /// The parameters in wire form, in a fixed order, followed by `others`.
    public var parameters: [ESMTPParameter] {
        var list: [ESMTPParameter] = []
        if let size { list.append(.size(size)) }
        if let body { list.append(.body(body)) }
        if let ret { list.append(.ret(ret)) }
        if let envelopeID { list.append(.envid(envelopeID)) }
        if smtputf8 { list.append(.smtputf8) }
        if requireTLS { list.append(.requireTLS) }
        if let auth { list.append(.auth(auth.isEmpty ? nil : auth)) }
        return list + others
    }

    /// A SIZE value (RFC 1870 §3): 1 to 20 ASCII digits; `nil` otherwise, or when it does not fit an `Int`.
    public static func size(parsing text: String) -> Int? {
        guard (1...20).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return Int(text)
    }

    /// Whether `text`, before xtext encoding, can be an ENVID (RFC 3461 §4.4): 1 to 100 printable US-ASCII
    /// characters.
    public static func isEnvelopeID(_ text: String) -> Bool {
        (1...SMTPLimits.envelopeID).contains(text.utf8.count) && text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    static func bad(_ parameter: ESMTPParameter, _ usage: String) -> CommandSyntaxError {
        let keyword = parameter.keyword.uppercased()
        return CommandSyntaxError(
            .badParameter,
            "Bad \(keyword) parameter syntax; expected \(usage)",
            keyword: keyword,
            expected: usage
        )
    }
}
