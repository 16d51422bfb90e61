import SMTPCore

extension MockSession {
    /// Handles one command line: persona rules first, then the command itself.
    mutating func handleCommand(_ line: String, actions: inout [SessionAction]) {
        // The verb ends at the first space; both are looked for in the UTF-8 view, without forming characters.
        let space = line.utf8.firstIndex(of: UInt8(ascii: " "))
        let verb = line[..<(space ?? line.endIndex)].uppercasedVerb
        let argument = space.map { String(line[line.utf8.index(after: $0)...]) } ?? ""
        switch applyRules(command: verb, argument: argument, actions: &actions) {
        case .disconnected:
            actions.append(.close)
            mode = .closed
        case .refused(let reply, let close):
            if verb == "BDAT", !close, let (size, last) = Self.bdatArguments(argument) {
                mode = .bdat(remaining: size, last: last, refusal: reply)
                return
            }
            actions.append(.reply(reply))
            if close {
                actions.append(.close)
                mode = .closed
            }
        case .proceed(let replacement):
            let first = actions.count
            execute(verb: verb, argument: argument, actions: &actions)
            guard let replacement, let index = actions[first...].firstIndex(where: Self.isReply),
                case .reply(let usual) = actions[index], !usual.replyClass.isFailure
            else { return }
            actions[index] = .reply(replacement)
        }
    }

    private static func isReply(_ action: SessionAction) -> Bool {
        if case .reply = action { return true }
        return false
    }

    private mutating func execute(verb: String, argument: String, actions: inout [SessionAction]) {
        switch verb {
        case "EHLO", "LHLO": hello(argument, extended: true, verb: verb, actions: &actions)
        case "HELO": hello(argument, extended: false, verb: verb, actions: &actions)
        case "MAIL": mail(argument, actions: &actions)
        case "RCPT": rcpt(argument, actions: &actions)
        case "DATA": data(argument, actions: &actions)
        case "BDAT": bdat(argument, actions: &actions)
        case "RSET":
            if !argument.isEmpty {
                actions.append(.reply(reply(.noArguments, ReplyValues(argument: argument, usage: "RSET"))))
                return
            }
            transaction = nil
            actions.append(.reply(reply(.rsetOK)))
        case "NOOP": actions.append(.reply(reply(.noopOK)))
        case "HELP": actions.append(.reply(reply(.help, ReplyValues(argument: argument))))
        case "QUIT":
            actions.append(.reply(reply(.quit)))
            actions.append(.close)
            mode = .closed
        case "VRFY": verify(argument, actions: &actions)
        case "EXPN": actions.append(.reply(reply(.notImplemented, ReplyValues(argument: argument))))
        case "STARTTLS": startTLS(argument, actions: &actions)
        case "AUTH": auth(argument, actions: &actions)
        default: actions.append(.reply(reply(.unknownCommand, ReplyValues(argument: verb))))
        }
    }

    private mutating func hello(_ argument: String, extended: Bool, verb: String, actions: inout [SessionAction]) {
        let domain = argument.split(separator: " ").first ?? ""
        guard !domain.isEmpty else {
            actions.append(.reply(reply(.syntaxError, ReplyValues(argument: argument, usage: "\(verb) hostname"))))
            return
        }
        guard AddressSyntax.validateDomain(String(domain)).isEmpty else {
            actions.append(.reply(reply(.badHelo, ReplyValues(argument: String(domain)))))
            return
        }
        helo = String(domain)
        transaction = nil
        guard extended else {
            actions.append(.reply(reply(.helo)))
            return
        }
        let greeting = reply(.ehlo)
        let lines = greeting.lines + currentCapabilities
        actions.append(.reply(Reply(code: greeting.code, lines: lines)))
    }

    private mutating func verify(_ argument: String, actions: inout [SessionAction]) {
        guard !argument.isEmpty else {
            actions.append(.reply(reply(.syntaxError, ReplyValues(usage: "VRFY address"))))
            return
        }
        let path = PathSyntax.split(argument[...])?.path ?? argument
        let known = persona.mailboxes.contains { $0.lowercased() == path.lowercased() }
        actions.append(.reply(reply(known ? .vrfyOK : .vrfyUnknown, ReplyValues(address: path, argument: argument))))
    }

    private mutating func startTLS(_ argument: String, actions: inout [SessionAction]) {
        if tlsActive {
            actions.append(.reply(reply(.tlsActive)))
            return
        }
        guard persona.capabilities.contains(where: { Self.keyword($0) == "STARTTLS" }) else {
            actions.append(.reply(reply(.unknownCommand, ReplyValues(argument: "STARTTLS"))))
            return
        }
        guard persona.tls.starttls, environment.tlsAvailable else {
            actions.append(.reply(reply(.tlsUnavailable)))
            return
        }
        guard argument.isEmpty else {
            actions.append(.reply(reply(.noArguments, ReplyValues(argument: argument, usage: "STARTTLS"))))
            return
        }
        guard helo != nil else {
            actions.append(.reply(reply(.needHelo)))
            return
        }
        actions.append(.reply(reply(.tlsReady)))
        actions.append(.startTLS)
        mode = .awaitingTLS
        _ = framer.takeBufferedBytes()
    }

    /// `BDAT <size> [LAST]`, or `nil` when the arguments are not that.
    static func bdatArguments(_ argument: String) -> (Int, Bool)? {
        let words = argument.split(separator: " ")
        guard (1...2).contains(words.count), words[0].allSatisfy(\.isASCIIDigit), words[0].count <= 18,
            let size = Int(words[0])
        else { return nil }
        if words.count == 2 {
            guard words[1].uppercased() == "LAST" else { return nil }
            return (size, true)
        }
        return (size, false)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
