extension SMTPCommand {
    /// Parses a command line (without CRLF) liberally, like real servers. Verbs are case-insensitive.
    public static func parse(_ line: String) -> Result<SMTPCommand, CommandSyntaxError> {
        parse(line, options: .liberal)
    }

    /// Parses a command line (without CRLF) with the given leniency.
    public static func parse(_ line: String, options: ParseOptions) -> Result<SMTPCommand, CommandSyntaxError> {
        let trimmed = line.trimmingSpaces
        guard !trimmed.isEmpty else { return .failure(CommandSyntaxError(.unrecognizedCommand, "Error: bad syntax")) }
        let verb: String
        let argument: String
        if let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) {
            verb = String(trimmed[..<space])
            argument = String(trimmed[trimmed.index(after: space)...]).trimmingSpaces
        } else {
            verb = trimmed
            argument = ""
        }
        let argumentOrNil = argument.isEmpty ? nil : argument
        switch verb.uppercased() {
        case "EHLO": return requireArgument(verb: "EHLO", argument, what: "a domain").map(SMTPCommand.ehlo)
        case "HELO": return requireArgument(verb: "HELO", argument, what: "a domain").map(SMTPCommand.helo)
        case "LHLO": return requireArgument(verb: "LHLO", argument, what: "a domain").map(SMTPCommand.lhlo)
        case "MAIL": return parseMail(argument, options: options)
        case "RCPT": return parseRcpt(argument, options: options)
        case "DATA": return noArgument(verb: "DATA", argument, .data)
        case "RSET": return noArgument(verb: "RSET", argument, .rset)
        case "QUIT": return noArgument(verb: "QUIT", argument, .quit)
        case "STARTTLS": return noArgument(verb: "STARTTLS", argument, .starttls)
        case "NOOP": return .success(.noop(argumentOrNil))
        case "HELP": return .success(.help(argumentOrNil))
        case "VRFY":
            return requireArgument(verb: "VRFY", argument, what: "a user name or address").map(SMTPCommand.vrfy)
        case "EXPN": return requireArgument(verb: "EXPN", argument, what: "a list name").map(SMTPCommand.expn)
        case "BDAT": return parseBdat(argument)
        case "AUTH": return parseAuth(argument)
        default: return .success(.unknown(verb: verb, line: line))
        }
    }

    private static func requireArgument(
        verb: String,
        _ argument: String,
        what: String
    ) -> Result<
        String, CommandSyntaxError
    > {
        argument.isEmpty
            ? .failure(CommandSyntaxError(.syntaxError, "Syntax: \(verb) needs \(what)")) : .success(argument)
    }

    private static func noArgument(
        verb: String,
        _ argument: String,
        _ command: SMTPCommand
    ) -> Result<SMTPCommand, CommandSyntaxError> {
        argument.isEmpty
            ? .success(command)
            : .failure(CommandSyntaxError(.syntaxError, "Syntax: \(verb) takes no arguments"))
    }

    private static func parseBdat(_ argument: String) -> Result<SMTPCommand, CommandSyntaxError> {
        let words = argument.split(separator: " ", omittingEmptySubsequences: true)
        let usage = CommandSyntaxError(.syntaxError, "Syntax: BDAT <octets> [LAST]")
        guard (1...2).contains(words.count), words[0].count <= 18, words[0].allSatisfy(\.isASCIIDecimalDigit),
            let size = Int(words[0])
        else { return .failure(usage) }
        if words.count == 2 {
            guard words[1].uppercased() == "LAST" else { return .failure(usage) }
            return .success(.bdat(size: size, last: true))
        }
        return .success(.bdat(size: size, last: false))
    }

    private static func parseAuth(_ argument: String) -> Result<SMTPCommand, CommandSyntaxError> {
        let words = argument.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(words.count) else {
            return .failure(CommandSyntaxError(.syntaxError, "Syntax: AUTH <mechanism> [initial-response]"))
        }
        return .success(.auth(mechanism: String(words[0]), initialResponse: words.count == 2 ? String(words[1]) : nil))
    }

    private static func parseMail(_ argument: String, options: ParseOptions) -> Result<SMTPCommand, CommandSyntaxError>
    {
        switch splitPath(argument, prefix: "FROM:", options: options) {
        case .failure(let error):
            let message = error.message.isEmpty ? "Syntax: MAIL FROM:<address>" : error.message
            return .failure(CommandSyntaxError(.syntaxError, message))
        case .success(let (path, rest)):
            let reversePath: ReversePath
            if path.isEmpty {
                reversePath = .null
            } else {
                guard let mailbox = Mailbox(parsing: stripSourceRoute(path), allowUTF8: options.allowUTF8) else {
                    return .failure(CommandSyntaxError(.badSenderAddress, "Bad sender address syntax"))
                }
                reversePath = .mailbox(mailbox)
            }
            return parseParameters(rest).map { .mail(reversePath: reversePath, parameters: $0) }
        }
    }

    private static func parseRcpt(_ argument: String, options: ParseOptions) -> Result<SMTPCommand, CommandSyntaxError>
    {
        switch splitPath(argument, prefix: "TO:", options: options) {
        case .failure(let error):
            let message = error.message.isEmpty ? "Syntax: RCPT TO:<address>" : error.message
            return .failure(CommandSyntaxError(.syntaxError, message))
        case .success(let (path, rest)):
            let forwardPath: ForwardPath
            if path.lowercased() == "postmaster" {
                forwardPath = .postmaster
            } else {
                guard !path.isEmpty,
                    let mailbox = Mailbox(parsing: stripSourceRoute(path), allowUTF8: options.allowUTF8)
                else { return .failure(CommandSyntaxError(.badRecipientAddress, "Bad recipient address syntax")) }
                forwardPath = .mailbox(mailbox)
            }
            return parseParameters(rest).map { .rcpt(forwardPath: forwardPath, parameters: $0) }
        }
    }

    /// Splits `FROM:<path> params` into the path's content and the parameter text.
    private static func splitPath(
        _ argument: String,
        prefix: String,
        options: ParseOptions
    ) -> Result<(String, String), PathError> {
        guard argument.uppercased().hasPrefix(prefix) else { return .failure(PathError("")) }
        var rest = Substring(argument.dropFirst(prefix.count))
        if rest.first == " " {
            guard options.allowSpaceAfterColon else {
                return .failure(PathError("Syntax: no space allowed after \(prefix) (RFC 5321 §4.1.1.2)"))
            }
            while rest.first == " " { rest.removeFirst() }
        }
        if rest.first == "<" {
            guard let close = closingBracket(rest) else {
                return .failure(PathError("Syntax: path is missing its \">\""))
            }
            let path = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            guard after.isEmpty || after.first == " " else {
                return .failure(PathError("Syntax: expected a space after \">\""))
            }
            return .success((path, String(after).trimmingSpaces))
        }
        guard options.allowMissingAngleBrackets, !rest.isEmpty else {
            return .failure(PathError(rest.isEmpty ? "" : "Syntax: the path needs angle brackets: <address>"))
        }
        let end = rest.firstIndex(of: " ") ?? rest.endIndex
        return .success((String(rest[..<end]), String(rest[end...]).trimmingSpaces))
    }

    /// The index of the `>` closing a path that starts with `<`, skipping quoted local-parts.
    private static func closingBracket(_ text: Substring) -> Substring.Index? {
        var inQuotes = false
        var escaped = false
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == ">" && !inQuotes {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Drops an obsolete source route `@a,@b:` (RFC 5321 §4.1.2: accepted and ignored).
    private static func stripSourceRoute(_ path: String) -> String {
        guard path.hasPrefix("@"), let colon = path.firstIndex(of: ":") else { return path }
        return String(path[path.index(after: colon)...])
    }

    private static func parseParameters(_ text: String) -> Result<[ESMTPParameter], CommandSyntaxError> {
        var parameters: [ESMTPParameter] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            guard let parameter = ESMTPParameter.parse(word) else {
                return .failure(
                    CommandSyntaxError(.badParameter, "Bad parameter syntax: \(ProtocolDefect.quoted(String(word)))")
                )
            }
            parameters.append(parameter)
        }
        return .success(parameters)
    }
}

extension Character {
    fileprivate var isASCIIDecimalDigit: Bool { ("0"..."9").contains(self) }
}
