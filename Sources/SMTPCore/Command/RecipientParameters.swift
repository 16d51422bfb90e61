/// The parameters of a RCPT command read into typed values (RFC 3461 NOTIFY and ORCPT).
///
/// A malformed value or a repeated keyword is a `CommandSyntaxError` (501); other keywords are kept in `others`.
public struct RecipientParameters: Sendable, Hashable {
    /// `NOTIFY=`.
    public var notify: DSNNotify?
    /// `ORCPT=`.
    public var originalRecipient: DSNOriginalRecipient?
    /// Other parameters, in order.
    public var others: [ESMTPParameter] = []

    /// Empty parameters.
    public init() {}

    /// Reads RCPT parameters.
    public static func parse(_ parameters: [ESMTPParameter]) -> Result<RecipientParameters, CommandSyntaxError> {
        var result = RecipientParameters()
        let keyed: [(keyword: String, parameter: ESMTPParameter)]
        switch ESMTPParameter.keyedOnce(parameters) {
        case .success(let list): keyed = list
        case .failure(let error): return .failure(error)
        }
        for (keyword, parameter) in keyed {
            switch keyword {
            case "NOTIFY":
                guard let value = parameter.value else {
                    return .failure(MailParameters.bad(parameter, DSNNotify.usage))
                }
                switch DSNNotify.parse(value) {
                case .success(let notify): result.notify = notify
                case .failure(let error): return .failure(error)
                }
            case "ORCPT":
                guard let value = parameter.value, value.utf8.count <= SMTPLimits.originalRecipient,
                    let original = DSNOriginalRecipient(parsing: value)
                else { return .failure(MailParameters.bad(parameter, "ORCPT=addr-type;xtext")) }
                result.originalRecipient = original
            default:
                result.others.append(parameter)
            }
        }
        return .success(result)
    }

    /// The parameters in wire form: NOTIFY, ORCPT, then `others`.
    public var parameters: [ESMTPParameter] {
        var list: [ESMTPParameter] = []
        if let notify { list.append(.notify(notify)) }
        if let originalRecipient { list.append(.orcpt(originalRecipient)) }
        return list + others
    }
}
