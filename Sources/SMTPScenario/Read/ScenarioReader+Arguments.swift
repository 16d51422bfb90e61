import SMTPYAML

extension ScenarioReader {
    /// Reads the argument of `verb` from its entry's value.
    mutating func readArgument(_ verb: Verb, _ entry: YAMLEntry) -> StepArgument {
        let node = entry.value
        switch verb {
        case .open:
            return readOpen(node, verbLocation: entry.keyLocation).map(StepArgument.open) ?? .none
        case .ehlo, .helo, .lhlo, .vrfy, .expn, .send:
            guard let text = requiredText(node, verb: verb) else { return .none }
            return .text(text)
        case .noop, .help:
            if node.isNull { return .none }
            return located(node, verb.rawValue).map(StepArgument.text) ?? .none
        case .rset, .quit:
            if !node.isNull {
                error(
                    "'\(verb.rawValue)' takes no argument",
                    at: node.location,
                    note:
                        "RFC 5321 §4.3.2: \(verb.rawValue.uppercased()) with an argument gets 501; use 'send' to test that"
                )
            }
            return .none
        case .starttls:
            if node.isNull { return .none }
            return readTLS(node, what: "starttls", extraKeys: []).map { StepArgument.tls($0.tls) } ?? .none
        case .auth:
            return readAuth(node).map(StepArgument.auth) ?? .none
        case .mailFrom:
            return readMailFrom(node).map(StepArgument.mailFrom) ?? .none
        case .rcpt:
            return readRcpt(node).map(StepArgument.rcpt) ?? .none
        case .data:
            if node.entries != nil { return readMessage(node).map(StepArgument.message) ?? .none }
            guard let text = requiredText(node, verb: verb) else { return .none }
            return .text(text)
        case .bdat:
            if node.entries != nil {
                guard let map = mapping(node, what: "bdat", keys: ["chunks"]),
                    let chunks = map.required("chunks", what: "bdat", diagnostics: &diagnostics)
                else { return .none }
                return .chunks(list(chunks, "bdat.chunks"))
            }
            guard let text = requiredText(node, verb: verb) else { return .none }
            return .text(text)
        case .pipeline:
            let steps = readSteps(node, what: "pipeline")
            for step in steps where !step.verb.mayBePipelined {
                error(
                    "'\(step.verb.rawValue)' cannot be pipelined",
                    at: step.location,
                    note: "RFC 2920 groups MAIL, RCPT, RSET, DATA and the like; put this step outside the pipeline"
                )
            }
            return .steps(steps)
        case .sleep:
            return duration(node, "sleep").map(StepArgument.duration) ?? .none
        case .awaitMessage, .awaitDSN:
            if node.isNull {
                error(
                    "'\(verb.rawValue)' needs 'at'",
                    at: node.location,
                    note: "say where the message arrives: at: CAPTURE, at: mock, at: {maildir: DIR} or at: {imap: {…}}"
                )
                return .none
            }
            return readAwait(node, verb: verb).map(StepArgument.arrival) ?? .none
        }
    }

    private mutating func requiredText(_ node: YAMLNode, verb: Verb) -> Located<String>? {
        if node.isNull {
            error("'\(verb.rawValue)' needs an argument", at: node.location, note: argumentHint(verb))
            return nil
        }
        return located(node, verb.rawValue)
    }

    private func argumentHint(_ verb: Verb) -> String {
        switch verb {
        case .ehlo, .helo, .lhlo: return "give the client's domain, such as '\(verb.rawValue): contoso.com'"
        case .vrfy, .expn: return "give the name or address to look up"
        case .send: return "give the exact command line to send, such as 'send: XFOO'"
        case .data: return "give the message text, or a mapping with subject and body"
        default: return "see the table of verbs in the README"
        }
    }

    private mutating func readOpen(_ node: YAMLNode, verbLocation: SourceLocation) -> OpenAST? {
        if let text = node.scalar {
            // Split into host and port after interpolation: `${server}` may carry a port.
            return OpenAST(host: Located(text, at: node.location), port: nil)
        }
        if node.isNull {
            error("'open' needs a server", at: node.location, note: "write 'open: host:port' or 'open: {mx: domain}'")
            return nil
        }
        let keys = ["host", "port", "mx", "each", "tls", "timeout", "verify", "ca-file", "server-name"]
        guard let map = mapping(node, what: "open", keys: keys) else { return nil }
        var open = OpenAST()
        open.host = string(map["host"], "open.host")
        open.port = string(map["port"], "open.port")
        open.mx = string(map["mx"], "open.mx")
        open.each = flag(map["each"], "open.each", default: false)
        if let tls = map["tls"], let mode = tls.string("'open.tls'", diagnostics: &diagnostics) {
            switch mode.lowercased() {
            case "none": open.implicitTLS = false
            case "implicit": open.implicitTLS = true
            default:
                error(
                    "'open.tls' must be 'none' or 'implicit', not '\(mode)'",
                    at: tls.location,
                    note: "use a 'starttls' step for STARTTLS"
                )
            }
        }
        open.timeout = map["timeout"].flatMap { duration($0, "open.timeout") }
        open.tls = readTLSFields(map)
        if (open.host == nil) == (open.mx == nil) {
            error(
                "'open' needs exactly one of 'host' and 'mx'",
                at: node.location,
                note: "connect to one server with host, or to a domain's MX hosts with mx"
            )
        }
        if open.each, open.mx == nil {
            error(
                "'each' needs 'mx'",
                at: map.entry("each")?.keyLocation ?? node.location,
                note: "each: true runs the session once per MX host of the mx domain"
            )
        }
        return open
    }

    private mutating func readTLS(
        _ node: YAMLNode,
        what: String,
        extraKeys: [String]
    ) -> (tls: TLSAST, map: MappingReader)? {
        guard let map = mapping(node, what: what, keys: ["verify", "ca-file", "server-name"] + extraKeys) else {
            return nil
        }
        return (readTLSFields(map), map)
    }

    mutating func readTLSFields(_ map: MappingReader) -> TLSAST {
        TLSAST(
            verify: flag(map["verify"], "verify", default: true),
            caFile: string(map["ca-file"], "ca-file"),
            serverName: string(map["server-name"], "server-name")
        )
    }

    private mutating func readAuth(_ node: YAMLNode) -> AuthAST? {
        let keys = ["mechanism", "username", "password", "allow-plaintext"]
        guard let map = mapping(node, what: "auth", keys: keys) else { return nil }
        var mechanism = Located(AuthMechanism.plain, at: node.location)
        if let value = string(map["mechanism"], "auth.mechanism") {
            if let parsed = AuthMechanism(rawValue: value.value.lowercased()) {
                mechanism = Located(parsed, at: value.location)
            } else {
                let guess = Suggestion.closest(to: value.value, among: AuthMechanism.allCases.map(\.rawValue))
                error(
                    "unknown AUTH mechanism '\(value.value)'",
                    at: value.location,
                    note: guess.map { "did you mean '\($0)'?" } ?? "supported: plain, login, xoauth2, cram-md5"
                )
            }
        }
        guard let username = string(map.required("username", what: "auth", diagnostics: &diagnostics), "auth.username"),
            let password = string(map.required("password", what: "auth", diagnostics: &diagnostics), "auth.password")
        else {
            return nil
        }
        return AuthAST(
            mechanism: mechanism,
            username: username,
            password: password,
            allowPlaintext: flag(map["allow-plaintext"], "auth.allow-plaintext", default: false)
        )
    }

    private mutating func readMailFrom(_ node: YAMLNode) -> MailFromAST? {
        if node.isNull {
            error("'mail-from' needs an address", at: node.location, note: "write \"\" for the null reverse-path <>")
            return nil
        }
        if let text = node.scalar { return MailFromAST(address: Located(text, at: node.location)) }
        let keys = ["address", "size", "body", "ret", "envid", "smtputf8"]
        guard let map = mapping(node, what: "mail-from", keys: keys) else { return nil }
        let address = map["address"].flatMap { $0.isNull ? Located("", at: $0.location) : located($0, "address") }
        guard let address else {
            error(
                "'mail-from' is missing 'address'",
                at: node.location,
                note: "write address: \"\" for the null sender"
            )
            return nil
        }
        return MailFromAST(
            address: address,
            size: string(map["size"], "mail-from.size"),
            body: string(map["body"], "mail-from.body"),
            ret: string(map["ret"], "mail-from.ret"),
            envid: string(map["envid"], "mail-from.envid"),
            smtputf8: flag(map["smtputf8"], "mail-from.smtputf8", default: false)
        )
    }

    private mutating func readRcpt(_ node: YAMLNode) -> RcptAST? {
        if node.isNull {
            error("'rcpt' needs an address", at: node.location)
            return nil
        }
        if let text = node.scalar { return RcptAST(address: Located(text, at: node.location)) }
        guard let map = mapping(node, what: "rcpt", keys: ["address", "notify", "orcpt"]) else { return nil }
        guard let address = string(map.required("address", what: "rcpt", diagnostics: &diagnostics), "rcpt.address")
        else {
            return nil
        }
        return RcptAST(
            address: address,
            notify: map["notify"].flatMap { readNotify($0) },
            orcpt: string(map["orcpt"], "rcpt.orcpt")
        )
    }

    /// A `headers:` mapping: each header name with its scalar value, in file order; `values` says in the error
    /// what the values are.
    mutating func readHeaderMap(_ node: YAMLNode, values: String) -> [VariableAST] {
        guard let entries = node.entries else {
            error("'headers' must be a mapping of header names to \(values)", at: node.location)
            return []
        }
        return entries.compactMap { entry in
            scalarValue(entry.value, "header '\(entry.key)'").map { value in
                VariableAST(
                    name: Located(entry.key, at: entry.keyLocation),
                    value: Located(value, at: entry.value.location)
                )
            }
        }
    }

    private mutating func readMessage(_ node: YAMLNode) -> MessageAST? {
        let keys = ["headers", "subject", "from", "to", "body", "file"]
        guard let map = mapping(node, what: "data", keys: keys) else { return nil }
        var message = MessageAST()
        if let headers = map["headers"] {
            message.headers = readHeaderMap(headers, values: "values")
        }
        message.subject = string(map["subject"], "data.subject")
        message.from = string(map["from"], "data.from")
        message.to = string(map["to"], "data.to")
        message.body = string(map["body"], "data.body")
        message.file = string(map["file"], "data.file")
        if message.file != nil, message.body != nil {
            error("'data' has both 'body' and 'file'", at: node.location, note: "keep one of them")
        }
        return message
    }
}
