import SMTPCore
import SMTPYAML

extension CaseCompiler {
    /// Compiles `mail-from`: `MAIL FROM:<reverse-path>` with SIZE, BODY, RET, ENVID and SMTPUTF8, each value
    /// checked and written by SMTPCore's `MailParameters`.
    mutating func compileMailFrom(_ mail: MailFromAST) -> PlannedAction? {
        guard let address = argument(mail.address, of: .mailFrom) else { return nil }
        checkMailbox(address, at: mail.address, allowNull: true, utf8: mail.smtputf8)
        envelope.sender = address.captureNames.isEmpty ? address.wire() : nil
        envelope.recipients = []
        var parameters = MailParameters()
        if let size = mail.size {
            guard let text = argument(size, of: .mailFrom) else { return nil }
            parameters.size = MailParameters.size(parsing: text.wire())
            if parameters.size == nil {
                error("'size' must be a whole number of octets, not '\(text.wire())'", at: size.location)
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
            guard let text = argument(envid, of: .mailFrom)?.literalOrReport(envid, &interpolator.diagnostics) else {
                return nil
            }
            if !MailParameters.isEnvelopeID(text) {
                error(
                    "'envid' must be 1 to \(SMTPLimits.envelopeID) printable ASCII characters",
                    at: envid.location,
                    note: "RFC 3461 §4.4"
                )
            }
            parameters.envelopeID = text
        }
        parameters.smtputf8 = mail.smtputf8
        return command(Self.line("MAIL FROM:<" + address + ">", parameters.parameters), at: mail.address.location)
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
        if address.captureNames.isEmpty { envelope.recipients.append(address.wire()) }
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
        if let orcpt = rcpt.orcpt {
            guard let text = argument(orcpt, of: .rcpt)?.literalOrReport(orcpt, &interpolator.diagnostics) else {
                return nil
            }
            // `addr-type;address`, or an address alone, taken as rfc822.
            let original =
                text.firstIndex(of: ";").map {
                    DSNOriginalRecipient(
                        addressType: String(text[..<$0]),
                        address: String(text[text.index(after: $0)...])
                    )
                } ?? DSNOriginalRecipient(address: text)
            if !original.isWithinLimit {
                error(
                    "'orcpt' is \(original.value.utf8.count) characters; RFC 3461 §4.2 allows "
                        + "\(SMTPLimits.originalRecipient)",
                    at: orcpt.location
                )
            }
            parameters.originalRecipient = original
        }
        return command(Self.line("RCPT TO:<" + address + ">", parameters.parameters), at: rcpt.address.location)
    }

    /// The command line with its parameters in wire form.
    private static func line(_ command: PlanText, _ parameters: [ESMTPParameter]) -> PlanText {
        parameters.reduce(command) { $0 + " " + $1.description }
    }

    /// `never`, or a list of success, failure and delay, each once; SMTPCore's `DSNNotify` decides what is valid
    /// (RFC 3461 §4.1), each word is tried alone so that a bad one is shown where it is written.
    private mutating func compileNotify(_ notify: NotifyAST) -> DSNNotify? {
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

    /// Checks a mailbox's syntax and RFC 5321 limits when it is known at compile time.
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
        for problem in AddressSyntax.validateMailbox(address, allowUTF8: utf8) {
            error(problem.message, at: value.location, note: "in address '\(text.redacted())'")
        }
    }

    /// Checks an EHLO/HELO/LHLO argument: a domain or an address literal.
    mutating func checkDomain(_ text: PlanText, at value: Located<String>) {
        guard text.captureNames.isEmpty else { return }
        checkDomainText(text.wire(), at: value, allowLiteral: true)
    }

    /// Checks a domain's syntax and RFC 5321 limits.
    mutating func checkDomainText(_ domain: String, at value: Located<String>, allowLiteral: Bool) {
        for problem in AddressSyntax.validateDomain(domain, allowAddressLiteral: allowLiteral) {
            error(problem.message, at: value.location, note: "in domain '\(domain)'")
        }
    }
}
