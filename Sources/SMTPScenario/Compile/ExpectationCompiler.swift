import SMTPYAML

extension CaseCompiler {
    /// Compiles `expect` (or the verb's default) into an ``Expectation``.
    ///
    /// An expectation written without `${…}` references compiles the same in every case: the first case that
    /// compiles it without a problem keeps it for the others.
    mutating func compileExpectation(_ ast: ExpectationAST?, verb: Verb) -> Expectation {
        guard let ast else { return StepDefaults.defaultExpectation(for: verb) }
        let cache = interpolator.templates
        let key = TemplateCache.ExpectationKey(location: ast.location, verb: verb)
        if let known = cache.expectation(key) { return known }
        let problems = interpolator.diagnostics.count
        let expectation = compileExpectationAnew(ast, verb: verb)
        let strings = ast.replies + ast.perRecipient + ast.capabilities + ast.lacks + (ast.text.map { [$0] } ?? [])
        if interpolator.diagnostics.count == problems, strings.allSatisfy({ cache.isLiteral($0.value) }) {
            cache.keep(expectation, for: key)
        }
        return expectation
    }

    private mutating func compileExpectationAnew(_ ast: ExpectationAST, verb: Verb) -> Expectation {
        let (replies, noConnection, written) = compileReplies(ast.replies, verb: verb)
        if noConnection, !replies.isEmpty {
            error(
                "'no-connection' cannot be combined with reply codes",
                at: ast.location,
                note: "a connection either fails or gives a greeting; write two scenarios"
            )
        }
        var expectation = Expectation(
            replies: replies,
            noConnection: noConnection,
            source: written.isEmpty ? "any reply" : written.joined(separator: " | "),
            location: ast.location
        )
        expectation.perRecipient = ast.perRecipient.compactMap { entry in
            let (patterns, _, shown) = compileReplies([entry], verb: verb)
            guard !patterns.isEmpty else { return nil }
            return Expectation(replies: patterns, source: shown.joined(separator: " | "), location: entry.location)
        }
        if ast.replies.isEmpty, ast.text == nil, ast.capabilities.isEmpty, ast.lacks.isEmpty, ast.tls == nil {
            let perRecipient = expectation.perRecipient
            expectation = StepDefaults.defaultExpectation(for: verb)
            expectation.perRecipient = perRecipient
            if !perRecipient.isEmpty {
                expectation.source = "per recipient " + perRecipient.map(\.source).joined(separator: ", ")
            }
        } else if ast.replies.isEmpty, let defaults = StepDefaults.expectation(for: verb) {
            expectation.replies = defaults.map { ReplyPattern(code: .exact($0)) }
            expectation.source = defaults.map(String.init).joined(separator: " | ")
        }
        expectation.location = ast.location
        if let text = ast.text, let value = interpolator.text(text)?.literalOrReport(text, &interpolator.diagnostics) {
            if let problem = RegexCheck.problem(in: value) {
                error("invalid regular expression in 'text': \(problem)", at: text.location)
            }
            expectation.text = value
            expectation.source += " with text /\(value)/"
        }
        expectation.capabilities = ast.capabilities.compactMap { item in
            guard let text = interpolator.text(item)?.literalOrReport(item, &interpolator.diagnostics) else {
                return nil
            }
            return compileCapability(Located(text, at: item.location))
        }
        expectation.lacks = ast.lacks.compactMap { item in
            interpolator.text(item)?.literalOrReport(item, &interpolator.diagnostics)?.uppercased()
        }
        if let tls = ast.tls {
            expectation.tls = compileTLSExpectation(tls)
        }
        return expectation
    }

    /// The reply patterns of a list of alternatives, whether `no-connection` was among them, and the
    /// alternatives as written.
    private mutating func compileReplies(
        _ alternatives: [Located<String>],
        verb: Verb
    ) -> (replies: [ReplyPattern], noConnection: Bool, written: [String]) {
        var replies: [ReplyPattern] = []
        var noConnection = false
        var written: [String] = []
        for alternative in alternatives {
            guard let text = interpolator.text(alternative)?.literalOrReport(alternative, &interpolator.diagnostics)
            else { continue }
            written.append(text)
            switch ExpectationSyntax.parse(text) {
            case .success(let parsed):
                for item in parsed {
                    switch item {
                    case .reply(let pattern): replies.append(pattern)
                    case .noConnection:
                        if verb == .open {
                            noConnection = true
                        } else {
                            error("'no-connection' is an expectation of 'open' only", at: alternative.location)
                        }
                    }
                }
            case .failure(let problem):
                error(problem.message, at: alternative.location, note: problem.note, span: text.count)
            }
        }
        return (replies, noConnection, written)
    }

    private mutating func compileCapability(_ item: Located<String>) -> CapabilityRequirement? {
        let words = item.value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let keyword = words.first else {
            error("empty capability", at: item.location)
            return nil
        }
        if words.count == 1 { return CapabilityRequirement(keyword: keyword.uppercased()) }
        if words.count == 3, let op = Comparison.Operator(rawValue: words[1] == "=" ? "==" : words[1]) {
            guard let value = Int(words[2]) else {
                error("capability comparison needs a number, not '\(words[2])'", at: item.location)
                return nil
            }
            return CapabilityRequirement(keyword: keyword.uppercased(), comparison: Comparison(op, value))
        }
        if words.count == 2 {
            return CapabilityRequirement(keyword: keyword.uppercased(), parameter: words[1].uppercased())
        }
        error(
            "invalid capability '\(item.value)'",
            at: item.location,
            note: "write a keyword (SIZE), a keyword and parameter (AUTH PLAIN), or a comparison (SIZE >= 10485760)"
        )
        return nil
    }

    private mutating func compileTLSExpectation(_ ast: TLSExpectationAST) -> TLSExpectation {
        var tls = TLSExpectation()
        if let days = ast.validDays {
            tls.validDays = comparison(days, what: "valid-days")
        }
        if let version = ast.version {
            var text = version.value.trimmingPrefix(">=").trimmed()
            if text.lowercased().hasPrefix("tlsv") { text = String(text.dropFirst(4)) }
            if ["1.0", "1.1", "1.2", "1.3"].contains(text) {
                tls.minimumVersion = text
            } else {
                error("'version' must be 1.2 or 1.3 (optionally '>= 1.2')", at: version.location)
            }
        }
        for (field, value) in [("subject", ast.subject), ("issuer", ast.issuer), ("cipher", ast.cipher)] {
            if let value, let problem = RegexCheck.problem(in: value.value) {
                error("invalid regular expression in '\(field)': \(problem)", at: value.location)
            }
        }
        tls.subject = ast.subject?.value
        tls.issuer = ast.issuer?.value
        tls.cipher = ast.cipher?.value
        tls.san = ast.san?.value
        return tls
    }

    /// Parses `">= 14"` or `"14"` (meaning `>= 14`).
    mutating func comparison(_ value: Located<String>, what: String) -> Comparison? {
        let text = value.value.trimmingCharacters()
        for op in Comparison.Operator.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
        where text.hasPrefix(op.rawValue) {
            if let number = Int(text.dropFirst(op.rawValue.count).trimmed()) { return Comparison(op, number) }
        }
        if text.hasPrefix("="), let number = Int(text.dropFirst().trimmed()) { return Comparison(.equal, number) }
        if let number = Int(text) { return Comparison(.greaterOrEqual, number) }
        error(
            "invalid comparison for '\(what)': '\(value.value)'",
            at: value.location,
            note: "write an operator and a number, such as '>= 14'"
        )
        return nil
    }
}

extension PlanText {
    /// The text when it has no run-time captures; reports a capture used where the value must be
    /// known when compiling (expectations, ports).
    func literalOrReport(_ value: Located<String>, _ diagnostics: inout [Diagnostic]) -> String? {
        if let name = captureNames.first {
            diagnostics.append(
                Diagnostic(
                    message: "'${\(name)}' is captured at run time and cannot be used here",
                    location: value.location,
                    note: "captured values can be used in command arguments and messages"
                )
            )
            return nil
        }
        return wire()
    }
}

extension String {
    func trimmingCharacters() -> String { self[...].trimmed() }

    func trimmingPrefix(_ prefix: String) -> String {
        let trimmed = trimmingCharacters()
        return trimmed.hasPrefix(prefix) ? String(trimmed.dropFirst(prefix.count)) : trimmed
    }

    func trimmed() -> String { self[...].trimmed() }
}
