/// Why a command line could not be parsed, with the reply a server should give.
public struct CommandSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of error, which decides the reply code.
    public enum Kind: Sendable, Hashable {
        /// Unknown verb or empty line: 500 5.5.2.
        case unrecognizedCommand
        /// Bad arguments: 501 5.5.4.
        case syntaxError
        /// Bad reverse-path in MAIL: 501 5.1.7.
        case badSenderAddress
        /// Bad forward-path in RCPT: 501 5.1.3.
        case badRecipientAddress
        /// A malformed ESMTP parameter or value: 501 5.5.4.
        case badParameter
    }

    /// The kind of error.
    public let kind: Kind
    /// What is wrong, for a person.
    public let message: String
    /// For `.badParameter`: the ESMTP keyword at fault, upper-cased (`NOTIFY`), so a server can pick its reply.
    public let keyword: String?
    /// For a malformed parameter value: how the parameter is written (`SIZE=<octets>`).
    public let expected: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, keyword: String? = nil, expected: String? = nil) {
        self.kind = kind
        self.message = message
        self.keyword = keyword
        self.expected = expected
    }

    /// The reply code a server gives for this error.
    public var replyCode: ReplyCode {
        kind == .unrecognizedCommand ? .commandUnrecognized : .syntaxError
    }

    /// The enhanced status code a server gives for this error.
    public var enhancedStatusCode: EnhancedStatusCode {
        let detail: (Int, Int)
        switch kind {
        case .unrecognizedCommand: detail = (5, 2)
        case .syntaxError, .badParameter: detail = (5, 4)
        case .badSenderAddress: detail = (1, 7)
        case .badRecipientAddress: detail = (1, 3)
        }
        return EnhancedStatusCode(known: 5, detail.0, detail.1)
    }

    /// The reply a server gives, for example `501 5.1.7 Bad sender address syntax`.
    public var suggestedReply: Reply {
        Reply(code: replyCode, text: "\(enhancedStatusCode) \(message)")
    }

    /// The message.
    public var description: String { message }
}
