import SMTPYAML

extension ScenarioReader {
    /// The capture name that means the `run --mock` server; no capture may take it.
    public static let mockSourceName = "mock"

    /// Reads the top-level `capture:` map.
    mutating func readCaptureServers(_ node: YAMLNode) -> [CaptureServerAST] {
        guard let entries = node.entries else {
            error(
                "'capture' must be a mapping of names to servers, not \(node.kindDescription)",
                at: node.location,
                note: "for example capture: {relay-sink: {listen: 127.0.0.1:2526, persona: sink}}"
            )
            return []
        }
        var servers: [CaptureServerAST] = []
        for entry in entries {
            let name = Located(entry.key, at: entry.keyLocation)
            if entry.key == Self.mockSourceName {
                error(
                    "'mock' cannot name a capture",
                    at: entry.keyLocation,
                    note: "'at: mock' means the server of 'run --mock'; choose another name",
                    span: entry.key.count
                )
                continue
            }
            if !Template.isValidName(entry.key[...]) {
                error(
                    "invalid capture name '\(entry.key)'",
                    at: entry.keyLocation,
                    note: "names start with a letter or '_' and contain letters, digits, '_', '-' or '.'"
                )
                continue
            }
            guard let map = mapping(entry.value, what: "capture '\(entry.key)'", keys: ["listen", "persona"]) else {
                continue
            }
            let listen = map.required("listen", what: "capture '\(entry.key)'", diagnostics: &diagnostics)
            servers.append(
                CaptureServerAST(
                    name: name,
                    listen: listen.flatMap { located($0, "capture.\(entry.key).listen") },
                    persona: string(map["persona"], "capture.\(entry.key).persona")
                )
            )
        }
        return servers
    }

    /// Reads the argument of `await-message` or `await-dsn`.
    mutating func readAwait(_ node: YAMLNode, verb: Verb) -> AwaitAST? {
        let keys = verb == .awaitMessage ? ["at", "to", "within"] : ["at", "within"]
        guard let map = mapping(node, what: verb.rawValue, keys: keys) else { return nil }
        var awaited = AwaitAST()
        if let at = map.required("at", what: verb.rawValue, diagnostics: &diagnostics) {
            awaited.at = readMessageSource(at)
        }
        awaited.to = string(map["to"], "\(verb.rawValue).to")
        awaited.within = map["within"].flatMap { duration($0, "\(verb.rawValue).within") }
        return awaited.at == nil ? nil : awaited
    }

    private mutating func readMessageSource(_ node: YAMLNode) -> MessageSourceAST? {
        if node.scalar != nil { return located(node, "at").map(MessageSourceAST.named) }
        guard let map = mapping(node, what: "at", keys: ["maildir", "imap"]) else { return nil }
        switch (map["maildir"], map["imap"]) {
        case (let maildir?, nil):
            return located(maildir, "at.maildir").map(MessageSourceAST.maildir)
        case (nil, let imap?):
            return readIMAP(imap).map(MessageSourceAST.imap)
        default:
            error(
                "'at' needs exactly one of 'maildir' and 'imap', or a capture's name",
                at: node.location,
                note: "at: relay-sink, at: mock, at: {maildir: DIR} or at: {imap: {host, username, password}}"
            )
            return nil
        }
    }

    private mutating func readIMAP(_ node: YAMLNode) -> IMAPSourceAST? {
        let keys = [
            "host", "port", "tls", "verify", "ca-file", "server-name", "username", "password", "mailbox",
            "allow-plaintext",
        ]
        guard let map = mapping(node, what: "imap", keys: keys) else { return nil }
        let host = string(map.required("host", what: "imap", diagnostics: &diagnostics), "imap.host")
        let username = string(map.required("username", what: "imap", diagnostics: &diagnostics), "imap.username")
        let password = string(map.required("password", what: "imap", diagnostics: &diagnostics), "imap.password")
        guard let host, let username, let password else { return nil }
        return IMAPSourceAST(
            host: host,
            port: string(map["port"], "imap.port"),
            security: string(map["tls"], "imap.tls"),
            tls: readTLSFields(map),
            username: username,
            password: password,
            mailbox: string(map["mailbox"], "imap.mailbox"),
            allowPlaintext: flag(map["allow-plaintext"], "imap.allow-plaintext", default: false),
            location: node.location
        )
    }

    /// Reads `expect` of an await step: `none`, or a mapping of what the message or notification must show.
    mutating func readArrivalExpectation(_ node: YAMLNode, verb: Verb) -> ArrivalExpectationAST? {
        if let word = node.scalar {
            guard word == "none" else {
                error(
                    "'expect' of '\(verb.rawValue)' must be 'none' or a mapping, not '\(word)'",
                    at: node.location,
                    note: verb == .awaitMessage
                        ? "expect: {headers: {Subject: '^flow'}, body: hello} or expect: none (nothing arrives)"
                        : "expect: {action: relayed, status: 2.x.x} or expect: none (no notification arrives)"
                )
                return nil
            }
            return ArrivalExpectationAST(nothing: true, location: node.location)
        }
        let keys = verb == .awaitMessage ? ["headers", "body", "envelope-from"] : ["action", "status", "recipient"]
        guard let map = mapping(node, what: "expect of '\(verb.rawValue)'", keys: keys) else { return nil }
        var expectation = ArrivalExpectationAST(location: node.location)
        if let headers = map["headers"] {
            expectation.headers = readHeaderMap(headers, values: "'present', 'absent' or a regular expression")
        }
        expectation.body = string(map["body"], "expect.body")
        expectation.envelopeFrom = map["envelope-from"].flatMap { node in
            node.isNull ? Located("", at: node.location) : located(node, "expect.envelope-from")
        }
        expectation.action = string(map["action"], "expect.action")
        expectation.status = string(map["status"], "expect.status")
        expectation.recipient = string(map["recipient"], "expect.recipient")
        return expectation
    }
}
