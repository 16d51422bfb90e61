import SMTPCore
import SMTPYAML

extension CaseCompiler {
    /// Compiles `mail-from`: `MAIL FROM:<reverse-path>` with SIZE, BODY, RET, ENVID and SMTPUTF8, each value
    /// checked and written by SMTPCore's `MailParameters`.
    mutating func compileMailFrom(_ mail: MailFromAST) -> PlannedAction? {
        envelopeID = nil
        guard let address = argument(mail.address, of: .mailFrom) else { return nil }
        checkMailbox(address, at: mail.address, allowNull: true, utf8: mail.smtputf8)
        envelope.sender = address.captureNames.isEmpty ? address : nil
        envelope.recipients = []
        var parameters = MailParameters()
        // Parameters whose value is read from a secret: shown as KEYWORD=******, their wire form a secret too.
        var secretKeywords: Set<String> = []
        if let size = mail.size {
            guard let text = argument(size, of: .mailFrom) else { return nil }
            parameters.size = MailParameters.size(parsing: text.wire())
            if let value = parameters.size {
                derive(String(value), from: text)
                if text.containsSecret { secretKeywords.insert("SIZE") }
            } else {
                problem(
                    in: text,
                    at: size,
                    "'size' must be a whole number of octets, not '\(Self.quoted(text.wire()))'",
                    secret: "'size' must be a whole number of octets"
                )
            }
        }
        if let body = mail.body {
            parameters.body = MailBodyType(parsing: body.value)
            if parameters.body == nil {
                error(
                    "'body' must be 7bit, 8bitmime or binarymime, not '\(body.value)'",
                    at: body.location,
                    note: "RFC 6152 and RFC 3030 define these BODY values"
                )
            }
        }
        if let ret = mail.ret {
            parameters.ret = DSNReturn(parsing: ret.value)
            if parameters.ret == nil {
                error(
                    "'ret' must be full or hdrs, not '\(ret.value)'",
                    at: ret.location,
                    note: "RFC 3461 §4.3: RET=FULL returns the whole message, RET=HDRS only its headers"
                )
            }
        }
        if let envid = mail.envid {
            guard let planned = argument(envid, of: .mailFrom),
                let text = planned.literalOrReport(envid, &interpolator.diagnostics)
            else {
                return nil
            }
            derive(text, from: planned)
            derive(XText.encode(text), from: planned)
            if planned.containsSecret { secretKeywords.insert("ENVID") }
            if !MailParameters.isEnvelopeID(text) {
                error(
                    "'envid' must be 1 to \(SMTPLimits.envelopeID) printable ASCII characters",
                    at: envid.location,
                    note: "RFC 3461 §4.4"
                )
            }
            parameters.envelopeID = text
            envelopeID = planned
        }
        parameters.smtputf8 = mail.smtputf8
        return command(
            Self.line("MAIL FROM:<" + address + ">", parameters.parameters, secret: secretKeywords),
            at: mail.address.location
        )
    }

    /// Compiles `rcpt`: `RCPT TO:<forward-path>` with NOTIFY and ORCPT, written by SMTPCore's
    /// `RecipientParameters`.
    mutating func compileRcpt(_ rcpt: RcptAST, besideNotify: NotifyAST?) -> PlannedAction? {
        recipientCount += 1
        if recipientCount > options.limits.recipientsPerCase {
            if recipientCount == options.limits.recipientsPerCase + 1 {
                error(
                    "more than \(options.limits.recipientsPerCase) 'rcpt' steps in one case",
                    at: rcpt.address.location,
                    note: "a case may name at most \(options.limits.recipientsPerCase) recipients; "
                        + "this is the first one past that"
                )
            }
            return nil
        }
        guard let address = argument(rcpt.address, of: .rcpt) else { return nil }
        checkMailbox(address, at: rcpt.address, allowNull: false, utf8: true)
        if address.captureNames.isEmpty { envelope.recipients.append(address) }
        var parameters = RecipientParameters()
        if rcpt.notify != nil, let besideNotify {
            error(
                "'notify' is given twice",
                at: besideNotify.location,
                note: "keep it either beside 'rcpt' or inside it"
            )
        }
        if let notify = rcpt.notify ?? besideNotify {
            parameters.notify = compileNotify(notify)
        }
        var secretKeywords: Set<String> = []
        if let orcpt = rcpt.orcpt {
            guard let planned = argument(orcpt, of: .rcpt),
                let text = planned.literalOrReport(orcpt, &interpolator.diagnostics)
            else {
                return nil
            }
            // `addr-type;address`, or an address alone, taken as rfc822.
            switch DSNOriginalRecipient.written(text) {
            case .failure(let problem):
                // The problem quotes nothing of the value, so it can be shown for a secret too.
                error("'orcpt' \(problem)", at: orcpt.location, note: planned.containsSecret ? Self.secretNote : nil)
                return nil
            case .success(let original):
                if !original.isWithinLimit {
                    problem(
                        in: planned,
                        at: orcpt,
                        "'orcpt' is \(original.value.utf8.count) characters; RFC 3461 §4.2 allows "
                            + "\(SMTPLimits.originalRecipient)",
                        secret: "'orcpt' is longer than RFC 3461 §4.2 allows (\(SMTPLimits.originalRecipient) "
                            + "characters)"
                    )
                }
                derive(original.value, from: planned)
                derive(XText.encode(original.address), from: planned)
                if planned.containsSecret { secretKeywords.insert("ORCPT") }
                parameters.originalRecipient = original
            }
        }
        return command(
            Self.line("RCPT TO:<" + address + ">", parameters.parameters, secret: secretKeywords),
            at: rcpt.address.location
        )
    }

    /// The command line with its parameters in wire form; the value of a parameter whose keyword is in `secret`
    /// is a secret of the line (`SIZE=******`).
    private static func line(_ command: PlanText, _ parameters: [ESMTPParameter], secret: Set<String>) -> PlanText {
        parameters.reduce(command) { line, parameter in
            guard let value = parameter.value, secret.contains(parameter.keyword.uppercased()) else {
                return line + " " + parameter.description
            }
            return line + PlanText([.literal(" \(parameter.keyword)="), .secret(value)])
        }
    }

    /// `never`, or a list of success, failure and delay, each once; SMTPCore's `DSNNotify` decides what is valid
    /// (RFC 3461 §4.1), each word is tried alone so that a bad one is shown where it is written.
    private mutating func compileNotify(_ notify: NotifyAST) -> DSNNotify? {
        // `notify` is not interpolated: what one case found valid, every case does.
        if let known = interpolator.templates.notify(at: notify.location) { return known }
        guard let parsed = compileNotifyAnew(notify) else { return nil }
        interpolator.templates.keep(parsed, at: notify.location)
        return parsed
    }

    private mutating func compileNotifyAnew(_ notify: NotifyAST) -> DSNNotify? {
        let words = ["never"] + DSNNotify.Condition.allCases.map { $0.rawValue.lowercased() }
        var seen: Set<String> = []
        for value in notify.values {
            guard case .success = DSNNotify.parse(words: [value.value]) else {
                let guess = Suggestion.closest(to: value.value.lowercased(), among: words)
                error(
                    "invalid notify value '\(value.value)'",
                    at: value.location,
                    note: guess.map { "did you mean '\($0)'?" } ?? "use never, or any of success, failure, delay",
                    span: value.value.count
                )
                return nil
            }
            guard seen.insert(value.value.lowercased()).inserted else {
                error("notify value '\(value.value.lowercased())' is given twice", at: value.location)
                return nil
            }
        }
        if notify.values.isEmpty {
            error("'notify' is empty", at: notify.location, note: "use never, or any of success, failure, delay")
            return nil
        }
        // Every word is valid on its own, so what is left to refuse is NEVER beside another value.
        guard case .success(let parsed) = DSNNotify.parse(words: notify.values.map(\.value)) else {
            error(
                "notify 'never' cannot be combined with other values",
                at: notify.location,
                note: "RFC 3461 §4.1: NEVER must appear alone; drop it or drop the others"
            )
            return nil
        }
        return parsed
    }

    /// Checks a mailbox's syntax and RFC 5321 limits when it is known at compile time; a secret address is
    /// described by each problem's summary, which quotes nothing of it.
    private mutating func checkMailbox(_ text: PlanText, at value: Located<String>, allowNull: Bool, utf8: Bool) {
        guard text.captureNames.isEmpty else { return }
        let address = text.wire()
        if address.isEmpty {
            if !allowNull {
                error(
                    "the forward-path is empty",
                    at: value.location,
                    note: "'<>' is only valid as a reverse-path (MAIL FROM)"
                )
            }
            return
        }
        // RFC 5321 §4.1.1.3: <Postmaster> without a domain is a valid forward-path.
        if !allowNull, address.lowercased() == "postmaster" { return }
        for found in interpolator.templates.mailboxProblems(address, allowUTF8: utf8) {
            problem(
                in: text,
                at: value,
                found.message,
                secret: found.summary,
                note: "in address '\(Self.quoted(text.redacted()))'"
            )
        }
    }

    /// Checks an EHLO/HELO/LHLO argument: a domain or an address literal.
    mutating func checkDomain(_ text: PlanText, at value: Located<String>) {
        guard text.captureNames.isEmpty else { return }
        checkDomainText(text, at: value, allowLiteral: true)
    }

    /// Checks a domain's syntax and RFC 5321 limits; a secret domain is described by each problem's summary.
    mutating func checkDomainText(_ domain: PlanText, at value: Located<String>, allowLiteral: Bool) {
        for found in interpolator.templates.domainProblems(domain.wire(), allowAddressLiteral: allowLiteral) {
            problem(
                in: domain,
                at: value,
                found.message,
                secret: found.summary,
                note: "in domain '\(Self.quoted(domain.wire()))'"
            )
        }
    }
}
