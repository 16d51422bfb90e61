import SMTPYAML

extension ScenarioReader {
    /// The keys of an expectation's map form.
    static let expectationKeys = ["reply", "text", "capabilities", "lacks", "tls", "per-recipient"]
    /// The keys of `expect.tls`.
    static let tlsExpectationKeys = ["valid-days", "version", "subject", "issuer", "san", "cipher"]

    /// Reads `expect` in any of its forms: a string, a list of alternatives, or a map.
    mutating func readExpectation(_ node: YAMLNode, verb: Verb) -> ExpectationAST? {
        switch node.content {
        case .scalar(let text, _):
            return ExpectationAST(replies: [Located(text, at: node.location)], location: node.location)
        case .sequence:
            return ExpectationAST(replies: list(node, "expect"), location: node.location)
        case .null:
            error("'expect' is empty", at: node.location, note: "write a reply such as 250, 2xx or 550 5.1.1")
            return nil
        case .mapping:
            guard let map = mapping(node, what: "expect", keys: Self.expectationKeys) else { return nil }
            var ast = ExpectationAST(replies: list(map["reply"], "expect.reply"), location: node.location)
            ast.text = string(map["text"], "expect.text")
            if let text = ast.text, !text.value.contains("${"), let problem = RegexCheck.problem(in: text.value) {
                error("invalid regular expression in 'text': \(problem)", at: text.location)
            }
            ast.capabilities = list(map["capabilities"], "expect.capabilities")
            ast.lacks = list(map["lacks"], "expect.lacks")
            ast.perRecipient = list(map["per-recipient"], "expect.per-recipient")
            if !ast.perRecipient.isEmpty, ![.data, .bdat].contains(verb) {
                error(
                    "'per-recipient' checks the replies after a message in an LMTP session",
                    at: node.location,
                    note: "move it to the data or bdat step after lhlo"
                )
            }
            if let tls = map["tls"], let tlsMap = mapping(tls, what: "expect.tls", keys: Self.tlsExpectationKeys) {
                ast.tls = TLSExpectationAST(
                    validDays: string(tlsMap["valid-days"], "tls.valid-days"),
                    version: string(tlsMap["version"], "tls.version"),
                    subject: string(tlsMap["subject"], "tls.subject"),
                    issuer: string(tlsMap["issuer"], "tls.issuer"),
                    san: string(tlsMap["san"], "tls.san"),
                    cipher: string(tlsMap["cipher"], "tls.cipher"),
                    location: tls.location
                )
                if verb != .open, verb != .starttls {
                    error("'tls' checks belong to 'open' or 'starttls' steps", at: tls.location)
                }
            }
            if (!ast.capabilities.isEmpty || !ast.lacks.isEmpty), ![.ehlo, .lhlo].contains(verb) {
                error(
                    "'capabilities' and 'lacks' check an EHLO or LHLO reply",
                    at: node.location,
                    note: "move them to the ehlo step"
                )
            }
            return ast
        }
    }
}
