import Foundation
import SMTPCore
import SMTPMessage
import SMTPYAML

/// The message a case sent last, as await steps find it: by its Message-ID.
enum SentMessage: Sendable {
    /// The Message-ID header's value (a capture may fill part of it at run time); `fixed` when it is the same in
    /// every case and every run (written out without `${case.id}`), so another case's mail could be taken for it.
    case identified(PlanText, fixed: Bool)
    /// The message has no Message-ID the compiler can read; the reason says why.
    case unidentified(String)
}

extension CaseCompiler {
    /// Compiles `await-message` and `await-dsn`: the source, the wait, this case's message and what must arrive.
    mutating func compileAwait(_ step: StepAST, _ written: AwaitAST) -> PlannedAction? {
        let kind: AwaitPlan.Kind = step.verb == .awaitMessage ? .message : .dsn
        guard let at = written.at, let source = compileSource(at) else { return nil }
        var within = AwaitPlan.defaultWithin
        if let asked = written.within {
            within = asked.value
            if asked.value > AwaitPlan.maximumWithin || asked.value <= .zero {
                error(
                    "'within' of '\(step.verb.rawValue)' must be more than 0 and at most "
                        + "\(AwaitPlan.maximumWithin.shortText)",
                    at: asked.location,
                    note: "it is how long the step waits for the message"
                )
            }
        }
        let recipient = written.to.flatMap { fenced($0, slot: .commandLine, what: "'to' of '\(step.verb.rawValue)'") }
        let expectation = compileArrivalExpectation(step.arrivalExpectation, kind: kind)
        guard let messageID = awaitedMessageID(for: step) else { return nil }
        return .arrival(
            AwaitPlan(
                kind: kind,
                source: source,
                recipient: recipient,
                within: within,
                messageID: messageID,
                envelopeID: envelopeID,
                expectation: expectation ?? (kind == .message ? .message(MessageExpectation()) : .dsn(DSNExpectation()))
            )
        )
    }

    /// The Message-ID of the message the case sent before `step`, or an error saying why there is none.
    private mutating func awaitedMessageID(for step: StepAST) -> PlanText? {
        switch sentMessage {
        case .identified(let id, let fixed)?:
            if fixed {
                interpolator.diagnostics.append(
                    Diagnostic(
                        severity: .warning,
                        message: "'\(step.verb.rawValue)' waits for a Message-ID that is the same in every case and "
                            + "every run (\(id.redacted()))",
                        location: step.location,
                        note: "another case's or an earlier run's mail with that Message-ID could pass for this one "
                            + "(mail older than the session is ignored where its arrival time is known); put "
                            + "${case.id} in it, or let data's map form make one",
                        span: step.verb.rawValue.count
                    )
                )
            }
            return id
        case .unidentified(let reason)?:
            error(
                "'\(step.verb.rawValue)' cannot tell this case's message: \(reason)",
                at: step.location,
                note: "await steps find the message by its Message-ID; give one, such as "
                    + "'Message-ID: <${case.id}@example.com>', or use data's map form, which makes one",
                span: step.verb.rawValue.count
            )
        case nil:
            error(
                "'\(step.verb.rawValue)' comes before any message is sent",
                at: step.location,
                note: "put it after the 'data' or 'bdat' step whose message it waits for",
                span: step.verb.rawValue.count
            )
        }
        return nil
    }

    /// Records the Message-ID of a message the case sends (`data` or `bdat` text written out in full); `written`
    /// is the text as the file wrote it, to tell whether the Message-ID changes per case.
    mutating func noteSentMessage(_ text: PlanText, written: [Located<String>]) {
        guard text.captureNames.isEmpty else {
            sentMessage = .unidentified("its text holds a value captured at run time")
            return
        }
        let message: Message
        do {
            message = try Message(parsing: text.wire())
        } catch {
            sentMessage = .unidentified("its header section cannot be read (\(error))")
            return
        }
        guard let value = message.headers["Message-ID"], MessageID(parsing: value) != nil else {
            sentMessage = .unidentified("it has no Message-ID header with a valid <id@domain>")
            return
        }
        // Per case when the Message-ID line as written holds ${case.id}.
        let perCase = written.contains { text in
            text.value.split(whereSeparator: \.isNewline).contains { line in
                line.lowercased().hasPrefix("message-id:") && MatrixRelevance.mentionsCase(String(line))
            }
        }
        sentMessage = .identified(PlanText(literal: value.trimmingCharacters(in: .whitespaces)), fixed: !perCase)
    }

    /// Records a Message-ID given as a header of data's map form: checked now when it holds no capture.
    mutating func noteGivenMessageID(_ value: PlanText, written: Located<String>?) {
        if value.captureNames.isEmpty, MessageID(parsing: value.wire()) == nil {
            sentMessage = .unidentified("its Message-ID header is not an RFC 5322 msg-id (<left@right>)")
            return
        }
        let perCase = written.map { MatrixRelevance.mentionsCase($0.value) } ?? false
        sentMessage = .identified(value, fixed: !perCase && value.captureNames.isEmpty)
    }

    private mutating func compileSource(_ source: MessageSourceAST) -> MessageSourcePlan? {
        switch source {
        case .named(let name):
            if name.value == ScenarioReader.mockSourceName { return .mock }
            guard let capture = ast.captureServers.first(where: { $0.name.value == name.value }) else {
                let known = ast.captureServers.map(\.name.value) + [ScenarioReader.mockSourceName]
                let guess = Suggestion.closest(to: name.value, among: known)
                error(
                    "'at: \(Self.quoted(name.value))' names no capture",
                    at: name.location,
                    note: guess.map { "did you mean '\($0)'?" }
                        ?? "declare it in 'capture:' at the top of the file, or use at: mock, {maildir: DIR} or "
                        + "{imap: {…}}",
                    span: name.value.count
                )
                return nil
            }
            guard let listen = capture.listen, let address = Self.captureAddress(listen.value) else { return nil }
            return .capture(name: name.value, listen: address)
        case .maildir(let directory):
            guard let planned = interpolator.text(directory),
                let path = planned.literalOrReport(directory, &interpolator.diagnostics)
            else { return nil }
            if path.isEmpty {
                error("'maildir' needs a directory", at: directory.location)
                return nil
            }
            return .maildir(
                path: path.hasPrefix("/") ? path : (self.directory as NSString).appendingPathComponent(path)
            )
        case .imap(let imap):
            return compileIMAP(imap).map(MessageSourcePlan.imap)
        }
    }

    /// A capture's `listen`: `host:port`, `[v6]:port`, or a port alone on 127.0.0.1; `nil` when it is none of
    /// these (the scenario compiler reports it where the capture is declared).
    static func captureAddress(_ text: String) -> HostPort? {
        if let port = try? HostPort.port(text).get() { return HostPort(host: "127.0.0.1", port: port) }
        guard case .success(let parsed) = HostPort.parse(text), parsed.port != nil else { return nil }
        return parsed
    }

    private mutating func compileIMAP(_ imap: IMAPSourceAST) -> IMAPSourcePlan? {
        var security = IMAPSourcePlan.Security.starttls
        if let written = imap.security {
            guard let mode = IMAPSourcePlan.Security(rawValue: written.value.lowercased()) else {
                error(
                    "'imap.tls' must be none, starttls or implicit, not '\(Self.quoted(written.value))'",
                    at: written.location
                )
                return nil
            }
            security = mode
        }
        if security == .none, !imap.allowPlaintext {
            error(
                "'imap' with 'tls: none' would send the password in clear",
                at: imap.security?.location ?? imap.location,
                note: "use tls: starttls or implicit, or add 'allow-plaintext: true' for a test server on loopback"
            )
        }
        let host = fenced(imap.host, slot: .host, what: "the host of 'imap'")
        var port = security == .implicit ? 993 : 143
        if let written = imap.port {
            guard let planned = fenced(written, slot: .host, what: "the port of 'imap'"),
                let text = planned.literalOrReport(written, &interpolator.diagnostics),
                let value = try? HostPort.port(text).get()
            else {
                error("'imap.port' must be a port number from 1 to 65535", at: written.location)
                return nil
            }
            port = value
        }
        let username = fenced(imap.username, slot: .credential, what: "the user name of 'imap'")
        let password = password(imap.password, what: "the password of 'imap'")
        let mailbox = imap.mailbox.flatMap { fenced($0, slot: .commandLine, what: "the mailbox of 'imap'") }
        let tls = compileTLS(imap.tls)
        guard let host, let hostText = host.literalOrReport(imap.host, &interpolator.diagnostics), let username,
            let password, let tls
        else { return nil }
        return IMAPSourcePlan(
            host: hostText,
            port: port,
            security: security,
            tls: tls,
            username: username,
            password: password,
            mailbox: mailbox?.wire() ?? "INBOX",
            allowPlaintext: imap.allowPlaintext
        )
    }

    private mutating func compileArrivalExpectation(
        _ written: ArrivalExpectationAST?,
        kind: AwaitPlan.Kind
    ) -> ArrivalExpectation? {
        guard let written else { return nil }
        if written.nothing { return .nothing }
        switch kind {
        case .message:
            var expectation = MessageExpectation()
            for header in written.headers {
                if let violation = WireFence.firstViolation(of: header.name.value, in: .headerName) {
                    error(
                        "header name '\(Self.quoted(header.name.value))' has \(violation.characterName)",
                        at: header.name.location,
                        note: violation.reason
                    )
                    continue
                }
                guard
                    let value = interpolator.text(header.value)?.literalOrReport(
                        header.value,
                        &interpolator.diagnostics
                    )
                else { continue }
                switch value {
                case "present": expectation.headers.append(HeaderCondition(name: header.name.value, test: .present))
                case "absent": expectation.headers.append(HeaderCondition(name: header.name.value, test: .absent))
                default:
                    if let problem = RegexCheck.problem(in: value) {
                        error(
                            "invalid regular expression for header '\(header.name.value)': \(problem)",
                            at: header.value.location,
                            note: "write a regular expression, 'present' or 'absent'"
                        )
                        continue
                    }
                    expectation.headers.append(HeaderCondition(name: header.name.value, test: .matches(value)))
                }
            }
            if let body = written.body,
                let value = interpolator.text(body)?.literalOrReport(body, &interpolator.diagnostics)
            {
                if let problem = RegexCheck.problem(in: value) {
                    error("invalid regular expression in 'body': \(problem)", at: body.location)
                } else {
                    expectation.body = value
                }
            }
            if let from = written.envelopeFrom {
                expectation.envelopeFrom = fenced(from, slot: .commandLine, what: "'envelope-from'")
            }
            return .message(expectation)
        case .dsn:
            var expectation = DSNExpectation()
            if let action = written.action {
                if let parsed = DSNAction(parsing: action.value) {
                    expectation.action = parsed
                } else {
                    error(
                        "'action' must be one of \(DSNAction.allCases.map(\.rawValue).joined(separator: ", ")), "
                            + "not '\(Self.quoted(action.value))'",
                        at: action.location,
                        note: "RFC 3464 §2.3.3"
                    )
                }
            }
            if let status = written.status {
                if let pattern = EnhancedCodePattern(status.value) {
                    expectation.status = pattern
                } else {
                    error(
                        "'status' must be an enhanced status code such as 2.0.0, 5.1.1 or 5.x.x, not "
                            + "'\(Self.quoted(status.value))'",
                        at: status.location,
                        note: "RFC 3464 §2.3.4: the Status field holds an RFC 3463 code"
                    )
                }
            }
            if let recipient = written.recipient {
                expectation.recipient = fenced(recipient, slot: .commandLine, what: "'recipient'")
            }
            return .dsn(expectation)
        }
    }
}
