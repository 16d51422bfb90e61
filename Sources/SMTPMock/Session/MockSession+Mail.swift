import SMTPCore

extension MockSession {
    mutating func mail(_ argument: String, actions: inout [SessionAction]) {
        let usage = ["usage": "MAIL FROM:<address>", "argument": argument]
        guard helo != nil else { return actions.append(.reply(reply(.needHelo))) }
        guard transaction == nil else { return actions.append(.reply(reply(.nestedMail))) }
        if persona.tls.required, !tlsActive { return actions.append(.reply(reply(.tlsRequired))) }
        if persona.auth.required, authenticatedUser == nil { return actions.append(.reply(reply(.authRequired))) }
        guard argument.uppercased().hasPrefix("FROM:"),
            let (path, parameters) = PathSyntax.split(argument.dropFirst(5))
        else { return actions.append(.reply(reply(.syntaxError, usage))) }
        var next = MailTransaction(reversePath: path, parameters: parameters)
        if let refusal = checkMailParameters(parameters, into: &next) {
            return actions.append(.reply(refusal))
        }
        let utf8 = parameters.contains { $0.uppercased() == "SMTPUTF8" }
        if !path.isEmpty, !AddressSyntax.validateMailbox(path, allowUTF8: utf8).isEmpty {
            return actions.append(.reply(reply(.badSender, ["address": path, "argument": argument])))
        }
        if !path.isEmpty, !persona.senderDomains.isEmpty,
            !persona.senderDomains.contains(where: { $0.lowercased() == PathSyntax.domain(of: path) })
        {
            return actions.append(.reply(reply(.senderRejected, ["address": path, "argument": argument])))
        }
        transaction = next
        actions.append(.reply(reply(.mailOK, ["address": path, "argument": argument])))
    }

    mutating func rcpt(_ argument: String, actions: inout [SessionAction]) {
        let usage = ["usage": "RCPT TO:<address>", "argument": argument]
        guard var current = transaction else { return actions.append(.reply(reply(.needMail))) }
        guard argument.uppercased().hasPrefix("TO:"), let (path, parameters) = PathSyntax.split(argument.dropFirst(3))
        else { return actions.append(.reply(reply(.syntaxError, usage))) }
        if let refusal = checkRecipientParameters(parameters) { return actions.append(.reply(refusal)) }
        let values = ["address": path, "argument": argument]
        let utf8 = current.parameters.contains { $0.uppercased() == "SMTPUTF8" }
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
    private func resolve(recipient: String, values: [String: String]) -> Reply? {
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

    private func checkMailParameters(_ parameters: [String], into next: inout MailTransaction) -> Reply? {
        var seen: Set<String> = []
        for parameter in parameters {
            let (key, value) = Self.keyValue(parameter)
            let values = ["argument": key]
            if seen.contains(key) {
                return reply(["RET", "ENVID"].contains(key) ? .badDSNParameter : .syntaxError, values)
            }
            seen.insert(key)
            switch key {
            case "SIZE" where offers("SIZE"):
                guard let value, !value.isEmpty, value.count <= 20, value.allSatisfy({ ("0"..."9").contains($0) })
                else { return reply(.syntaxError, ["usage": "MAIL FROM:<address> SIZE=<octets>", "argument": key]) }
                let size = Int(value) ?? Int.max
                if let limit = persona.sizeLimit, size > limit { return reply(.messageTooBig, values) }
                next.declaredSize = size
            case "BODY":
                switch value?.uppercased() {
                case "7BIT": break
                case "8BITMIME" where offers("8BITMIME"): break
                case "BINARYMIME" where offers("BINARYMIME"): next.binary = true
                default: return reply(.unsupportedParameter, ["argument": parameter])
                }
            case "SMTPUTF8" where offers("SMTPUTF8"):
                guard value == nil else { return reply(.syntaxError, ["usage": "SMTPUTF8", "argument": key]) }
            case "RET" where offers("DSN"):
                guard let value, ["FULL", "HDRS"].contains(value.uppercased()) else {
                    return reply(.badDSNParameter, values)
                }
            case "ENVID" where offers("DSN"):
                guard let value, Self.isXText(value, maxLength: SMTPLimits.envelopeID) else {
                    return reply(.badDSNParameter, values)
                }
            case "AUTH" where offers("AUTH"):
                guard let value, !value.isEmpty else { return reply(.syntaxError, ["usage": "AUTH=<mailbox>"]) }
            default:
                return reply(.unsupportedParameter, ["argument": key])
            }
        }
        return nil
    }

    private func checkRecipientParameters(_ parameters: [String]) -> Reply? {
        var seen: Set<String> = []
        for parameter in parameters {
            let (key, value) = Self.keyValue(parameter)
            let values = ["argument": key]
            if seen.contains(key) { return reply(key == "NOTIFY" ? .badNotify : .badDSNParameter, values) }
            seen.insert(key)
            switch key {
            case "NOTIFY" where offers("DSN"):
                guard let value, case .success = DSNNotify.parse(value) else { return reply(.badNotify, values) }
            case "ORCPT" where offers("DSN"):
                guard let value, let semicolon = value.firstIndex(of: ";"), value[..<semicolon].count > 0,
                    Self.isXText(
                        String(value[value.index(after: semicolon)...]),
                        maxLength: SMTPLimits.originalRecipient
                    )
                else { return reply(.badDSNParameter, values) }
            default:
                return reply(.unsupportedParameter, ["argument": key])
            }
        }
        return nil
    }

    /// Whether `value` is xtext (RFC 3461 §4) of at most `maxLength` octets.
    static func isXText(_ value: String, maxLength: Int) -> Bool {
        value.utf8.count <= maxLength && !value.isEmpty && XText.decodeBytes(value) != nil
    }

    /// `KEY=value` split at the first `=`, the key upper-cased.
    static func keyValue(_ parameter: String) -> (String, String?) {
        guard let equals = parameter.firstIndex(of: "=") else { return (parameter.uppercased(), nil) }
        return (parameter[..<equals].uppercased(), String(parameter[parameter.index(after: equals)...]))
    }
}
