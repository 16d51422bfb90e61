/// The values a reply's placeholders may name beyond the session's own (`{host}`, `{date}`, …): what the command
/// said and what the server made of it. A plain value, so the replies of every command build no dictionary.
struct ReplyValues: Sendable, Hashable {
    /// `{address}`: the mailbox a MAIL, RCPT or VRFY names.
    var address: String?
    /// `{argument}`: the command's argument.
    var argument: String?
    /// `{usage}`: how the command is written.
    var usage: String?
    /// `{octets}`: a BDAT chunk's size.
    var octets: String?
    /// `{message-id}`, `{internal-id}`, `{queue-id}`: an accepted message's identifiers.
    var identifiers: MessageIdentifiers?

    /// The value of the placeholder `name`, or `nil` when these values do not have it.
    func value(named name: Substring) -> String? {
        switch name {
        case "address": address
        case "argument": argument
        case "usage": usage
        case "octets": octets
        case "message-id": identifiers?.messageID
        case "internal-id": identifiers?.internalID
        case "queue-id": identifiers?.queueID
        default: nil
        }
    }
}

/// The identifiers the mock gives an accepted message.
struct MessageIdentifiers: Sendable, Hashable {
    /// A GUID, `{message-id}` in Exchange's reply.
    var messageID: String
    /// A decimal number, `{internal-id}`.
    var internalID: String
    /// Ten upper-case hexadecimal digits, `{queue-id}` (Postfix's style).
    var queueID: String
}
