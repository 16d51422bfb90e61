import SMTPYAML

/// Reads a `*.persona.yaml` file into a ``Persona``, reporting every mistake with its line and
/// column.
enum PersonaReader {
    static let topKeys = [
        "name", "description", "extends", "hostname", "banner", "capabilities", "capabilities-after-tls",
        "mailboxes", "domains", "relay", "relay-authenticated", "sender-domains", "auth", "tls", "size-limit",
        "max-recipients",
        "greylisting", "rules", "replies",
    ]
    static let authKeys = ["required", "users"]
    static let userKeys = ["username", "password"]
    static let tlsKeys = ["starttls", "implicit", "required", "certificate", "key"]

    /// Reads `source`; `depth` counts `extends:` hops so a loop cannot recurse forever.
    static func read(_ source: SourceFile, depth: Int = 0) -> (persona: Persona?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root: YAMLNode?
        do {
            root = try YAMLDocument.parse(source)
        } catch {
            return (nil, [error])
        }
        guard let root else {
            let here = source.location(line: 1, column: 1)
            return (
                nil, [Diagnostic(message: "the persona file is empty", location: here, note: "give at least 'name:'")]
            )
        }
        guard let top = MappingReader(root, what: "a persona", allowedKeys: topKeys, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        var persona = base(top, depth: depth, diagnostics: &diagnostics)
        readIdentity(top, into: &persona, diagnostics: &diagnostics)
        readRecipients(top, into: &persona, diagnostics: &diagnostics)
        if let node = top["auth"] { readAuth(node, into: &persona.auth, diagnostics: &diagnostics) }
        if let node = top["tls"] { readTLS(node, into: &persona.tls, diagnostics: &diagnostics) }
        if let node = top["rules"] { persona.rules = readRules(node, diagnostics: &diagnostics) }
        if let node = top["replies"] { readReplies(node, into: &persona.replies, diagnostics: &diagnostics) }
        return (diagnostics.containsErrors ? nil : persona, diagnostics)
    }

    private static func base(_ top: MappingReader, depth: Int, diagnostics: inout [Diagnostic]) -> Persona {
        let name = top["name"]?.string("'name'", diagnostics: &diagnostics) ?? "persona"
        guard let node = top["extends"], let parent = node.string("'extends'", diagnostics: &diagnostics) else {
            return Persona(name: name)
        }
        guard depth < 8 else {
            diagnostics.append(Diagnostic(message: "'extends' goes round in a loop", location: node.location))
            return Persona(name: name)
        }
        guard let source = BuiltinPersonas.source(named: parent) else {
            let known = BuiltinPersonas.names
            let guess = Suggestion.closest(to: parent, among: known).map { "did you mean '\($0)'?" }
            diagnostics.append(
                Diagnostic(
                    message: "unknown built-in persona '\(parent)'",
                    location: node.location,
                    note: guess ?? "built-in personas: \(known.joined(separator: ", "))",
                    span: parent.count
                )
            )
            return Persona(name: name)
        }
        let inherited = read(source, depth: depth + 1)
        guard var persona = inherited.persona else {
            diagnostics.append(contentsOf: inherited.diagnostics)
            return Persona(name: name)
        }
        persona.name = name
        return persona
    }

    private static func readIdentity(_ top: MappingReader, into persona: inout Persona, diagnostics: inout [Diagnostic])
    {
        if let value = top["hostname"]?.string("'hostname'", diagnostics: &diagnostics) { persona.hostname = value }
        if let node = top["banner"], let template = template(node, "'banner'", diagnostics: &diagnostics) {
            persona.banner = template
        }
        if let node = top["capabilities"], let list = node.stringList("'capabilities'", diagnostics: &diagnostics) {
            persona.capabilities = list.map(\.0)
        }
        if let node = top["capabilities-after-tls"],
            let list = node.stringList("'capabilities-after-tls'", diagnostics: &diagnostics)
        {
            persona.capabilitiesAfterTLS = list.map(\.0)
        }
        if let node = top["size-limit"] {
            if node.isNull {
                persona.sizeLimit = nil
            } else if let value = node.integer("'size-limit'", in: 0...Int(Int32.max), diagnostics: &diagnostics) {
                persona.sizeLimit = value == 0 ? nil : value
            }
        }
        if let value = top["max-recipients"]?.integer("'max-recipients'", in: 1...100_000, diagnostics: &diagnostics) {
            persona.maxRecipients = value
        }
        if let value = top["greylisting"]?.boolean("'greylisting'", diagnostics: &diagnostics) {
            persona.greylisting = value
        }
    }

    private static func readRecipients(
        _ top: MappingReader,
        into persona: inout Persona,
        diagnostics: inout [Diagnostic]
    ) {
        if let list = top["mailboxes"]?.stringList("'mailboxes'", diagnostics: &diagnostics) {
            for (mailbox, location) in list where !mailbox.contains("@") {
                diagnostics.append(
                    Diagnostic(
                        message: "mailbox '\(mailbox)' has no domain",
                        location: location,
                        note: "write it as local-part@domain",
                        span: mailbox.count
                    )
                )
            }
            persona.mailboxes = list.map(\.0)
        }
        if let list = top["domains"]?.stringList("'domains'", diagnostics: &diagnostics) {
            persona.domains = list.map(\.0)
        }
        if let list = top["sender-domains"]?.stringList("'sender-domains'", diagnostics: &diagnostics) {
            persona.senderDomains = list.map(\.0)
        }
        if let value = top["relay"]?.boolean("'relay'", diagnostics: &diagnostics) { persona.relay = value }
        if let value = top["relay-authenticated"]?.boolean("'relay-authenticated'", diagnostics: &diagnostics) {
            persona.relayAuthenticated = value
        }
    }

    private static func readAuth(_ node: YAMLNode, into auth: inout PersonaAuth, diagnostics: inout [Diagnostic]) {
        guard let map = MappingReader(node, what: "'auth'", allowedKeys: authKeys, diagnostics: &diagnostics) else {
            return
        }
        if let value = map["required"]?.boolean("'auth.required'", diagnostics: &diagnostics) {
            auth.required = value
        }
        guard let usersNode = map["users"] else { return }
        guard let items = usersNode.items else {
            diagnostics.append(
                Diagnostic(
                    message: "'auth.users' must be a list, not \(usersNode.kindDescription)",
                    location: usersNode.location,
                    note: "each entry is {username: …, password: …}"
                )
            )
            return
        }
        auth.users = items.compactMap { item in
            guard let user = MappingReader(item, what: "a user", allowedKeys: userKeys, diagnostics: &diagnostics),
                let name = user.required("username", what: "a user", diagnostics: &diagnostics)?
                    .string("'username'", diagnostics: &diagnostics),
                let password = user.required("password", what: "a user", diagnostics: &diagnostics)?
                    .string("'password'", diagnostics: &diagnostics)
            else { return nil }
            return PersonaUser(username: name, password: password)
        }
    }

    private static func readTLS(_ node: YAMLNode, into tls: inout PersonaTLS, diagnostics: inout [Diagnostic]) {
        guard let map = MappingReader(node, what: "'tls'", allowedKeys: tlsKeys, diagnostics: &diagnostics) else {
            return
        }
        if let value = map["starttls"]?.boolean("'tls.starttls'", diagnostics: &diagnostics) { tls.starttls = value }
        if let value = map["implicit"]?.boolean("'tls.implicit'", diagnostics: &diagnostics) { tls.implicit = value }
        if let value = map["required"]?.boolean("'tls.required'", diagnostics: &diagnostics) { tls.required = value }
        if let value = map["certificate"]?.string("'tls.certificate'", diagnostics: &diagnostics) {
            tls.certificatePath = value
        }
        if let value = map["key"]?.string("'tls.key'", diagnostics: &diagnostics) { tls.keyPath = value }
        if (tls.certificatePath == nil) != (tls.keyPath == nil) {
            diagnostics.append(
                Diagnostic(
                    message: "'tls' needs both 'certificate' and 'key', or neither",
                    location: node.location,
                    note: "without them the server uses a self-signed certificate"
                )
            )
        }
    }

    /// Reads a reply template written as `"550 5.1.1 User unknown"` (several lines joined by newlines).
    static func template(_ node: YAMLNode, _ what: String, diagnostics: inout [Diagnostic]) -> ReplyTemplate? {
        guard let text = node.string(what, diagnostics: &diagnostics) else { return nil }
        guard let template = ReplyTemplate(parsing: text) else {
            diagnostics.append(
                Diagnostic(
                    message: "\(what) must start with a reply code from 200 to 599, not '\(text.prefix(20))'",
                    location: node.location,
                    note: "for example \"550 5.1.1 User unknown\""
                )
            )
            return nil
        }
        return template
    }
}
