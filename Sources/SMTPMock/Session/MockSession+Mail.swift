import SMTPCore

extension MockSession {
    mutating func mail(_ argument: String, actions: inout [SessionAction]) {
        guard helo != nil else { return actions.append(.reply(reply(.needHelo))) }
        guard transaction == nil else { return actions.append(.reply(reply(.nestedMail))) }
        if persona.tls.required, !tlsActive { return actions.append(.reply(reply(.tlsRequired))) }
        if persona.auth.required, authenticatedUser == nil { return actions.append(.reply(reply(.authRequired))) }
        guard argument.hasPrefixIgnoringASCIICase("FROM:"),
            let (path, parameters) = PathSyntax.split(
                argument[argument.utf8.index(argument.startIndex, offsetBy: 5)...]
            )
        else {
            return actions.append(
                .reply(reply(.syntaxError, ReplyValues(argument: argument, usage: "MAIL FROM:<address>")))
            )
        }
        var next = MailTransaction(reversePath: path, parameters: parameters)
        if let refusal = checkMailParameters(parameters, into: &next) {
            return actions.append(.reply(refusal))
        }
        if !path.isEmpty, !AddressSyntax.validateMailbox(path, allowUTF8: next.envelope.smtputf8).isEmpty {
            return actions.append(.reply(reply(.badSender, ReplyValues(address: path, argument: argument))))
        }
        if !path.isEmpty, !persona.senderDomains.isEmpty,
            !persona.senderDomains.contains(where: { $0.lowercased() == PathSyntax.domain(of: path) })
        {
            return actions.append(.reply(reply(.senderRejected, ReplyValues(address: path, argument: argument))))
        }
        transaction = next
        actions.append(.reply(reply(.mailOK, ReplyValues(address: path, argument: argument))))
    }

    mutating func rcpt(_ argument: String, actions: inout [SessionAction]) {
        guard var current = transaction else { return actions.append(.reply(reply(.needMail))) }
        guard argument.hasPrefixIgnoringASCIICase("TO:"),
            let (path, parameters) = PathSyntax.split(
                argument[argument.utf8.index(argument.startIndex, offsetBy: 3)...]
            )
        else {
            return actions.append(
                .reply(reply(.syntaxError, ReplyValues(argument: argument, usage: "RCPT TO:<address>")))
            )
        }
        if let refusal = checkRecipientParameters(parameters) { return actions.append(.reply(refusal)) }
        let values = ReplyValues(address: path, argument: argument)
        let utf8 = current.envelope.smtputf8
        guard path.lowercased() == "postmaster" || AddressSyntax.validateMailbox(path, allowUTF8: utf8).isEmpty else {
            return actions.append(.reply(reply(.badRecipient, values)))
        }
        guard current.recipients.count < persona.maxRecipients else {
            return actions.append(.reply(reply(.tooManyRecipients, values)))
        }
        if let refusal = resolve(recipient: path, values: values) {
            current.refusedRecipients += 1
            transaction = current
            return actions.append(.reply(refusal))
        }
        if persona.greylisting, environment.greylist.isFirstAttempt(sender: current.reversePath, recipient: path) {
            current.refusedRecipients += 1
            transaction = current
            return actions.append(.reply(reply(.greylisted, values)))
        }
        current.recipients.append(ReceivedMessage.Recipient(forwardPath: path, parameters: parameters))
        transaction = current
        actions.append(.reply(reply(.rcptOK, values)))
    }

    /// The refusal for a recipient the persona does not deliver to, or `nil` to accept it.
    private func resolve(recipient: String, values: ReplyValues) -> Reply? {
        let lowered = recipient.lowercased()
        if lowered == "postmaster" || persona.mailboxes.contains(where: { $0.lowercased() == lowered }) { return nil }
        let domain = PathSyntax.domain(of: recipient)
        let local =
            persona.domains.contains { $0.lowercased() == domain }
            || persona.mailboxes.contains { PathSyntax.domain(of: $0) == domain }
        if local { return reply(.unknownUser, values) }
        if persona.relay || (persona.relayAuthenticated && authenticatedUser != nil) { return nil }
        return reply(.relayDenied, values)
    }

    /// Reads MAIL parameters with SMTPCore's `MailParameters`; the persona decides only what it offers and how
    /// large a message may be.
    private func checkMailParameters(_ words: [String], into next: inout MailTransaction) -> Reply? {
        let usage = "MAIL FROM:<address>"
        var parameters: [ESMTPParameter] = []
        if let refusal = readOffered(words, usage: usage, into: &parameters) { return refusal }
        switch MailParameters.parse(parameters) {
        case .failure(let error): return refusal(error, usage: usage)
        case .success(let mail):
            if let size = mail.size, let limit = persona.sizeLimit, size > limit {
                return reply(.messageTooBig, ReplyValues(argument: "SIZE"))
            }
            next.envelope = mail
            return nil
        }
    }

    /// Reads RCPT parameters with SMTPCore's `RecipientParameters`.
    private func checkRecipientParameters(_ words: [String]) -> Reply? {
        let usage = "RCPT TO:<address>"
        var parameters: [ESMTPParameter] = []
        if let refusal = readOffered(words, usage: usage, into: &parameters) { return refusal }
        guard case .failure(let error) = RecipientParameters.parse(parameters) else { return nil }
        return refusal(error, usage: usage)
    }

    /// Reads each parameter into `parameters`, checking that it is well-formed and that the current EHLO keywords
    /// offer it (SMTPCore says which keyword offers which parameter); the refusal of the first that is not.
    private func readOffered(_ words: [String], usage: String, into parameters: inout [ESMTPParameter]) -> Reply? {
        for word in words {
            guard let parameter = ESMTPParameter.parse(word) else {
                return reply(.syntaxError, ReplyValues(argument: word, usage: usage))
            }
            if let needed = parameter.extensionKeyword, !offers(needed) {
                // BODY itself is always taken: name the value that is not offered.
                let argument = parameter.has(keyword: "BODY") ? parameter.description : parameter.keyword.uppercased()
                return reply(.unsupportedParameter, ReplyValues(argument: argument))
            }
            parameters.append(parameter)
        }
        return nil
    }

    /// The persona's reply to a parameter SMTPCore refuses: NOTIFY and the other DSN parameters have replies of
    /// their own (RFC 3461 §4.5); anything else is a syntax error that shows how the parameter is written.
    private func refusal(_ error: CommandSyntaxError, usage: String) -> Reply {
        let keyword = error.keyword ?? ""
        switch keyword {
        case "NOTIFY": return reply(.badNotify, ReplyValues(argument: keyword))
        case "RET", "ENVID", "ORCPT": return reply(.badDSNParameter, ReplyValues(argument: keyword))
        default:
            return reply(
                .syntaxError,
                ReplyValues(argument: keyword, usage: error.expected.map { "\(usage) \($0)" } ?? usage)
            )
        }
    }
}
