import SMTPCore
import SMTPYAML

extension CaseCompiler {
    /// Compiles `mail-from`: `MAIL FROM:<reverse-path>` with SIZE, BODY, RET, ENVID and SMTPUTF8.
    mutating func compileMailFrom(_ mail: MailFromAST) -> PlannedAction? {
        guard let address = argument(mail.address, of: .mailFrom) else { return nil }
        checkMailbox(address, at: mail.address, allowNull: true, utf8: mail.smtputf8)
        envelope.sender = address.captureNames.isEmpty ? address.wire() : nil
        envelope.recipients = []
        var line = "MAIL FROM:<" + address + ">"
        if let size = mail.size {
            guard let text = argument(size, of: .mailFrom) else { return nil }
            if let value = UInt64(text.wire()) {
                line = line + " SIZE=\(value)"
            } else {
                error("'size' must be a whole number of octets, not '\(text.wire())'", at: size.location)
            }
        }
        if let body = mail.body {
            let keyword = body.value.uppercased()
            if ["7BIT", "8BITMIME", "BINARYMIME"].contains(keyword) {
                line = line + " BODY=\(keyword)"
            } else {
                error(
                    "'body' must be 7bit, 8bitmime or binarymime, not '\(body.value)'",
                    at: body.location,
                    note: "RFC 6152 and RFC 3030 define these BODY values"
                )
            }
        }
        if let ret = mail.ret {
            let keyword = ret.value.uppercased()
            if ["FULL", "HDRS"].contains(keyword) {
                line = line + " RET=\(keyword)"
            } else {
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
            if text.unicodeScalars.count > SMTPLimits.envelopeID
                || !text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) })
            {
                error(
                    "'envid' must be at most \(SMTPLimits.envelopeID) printable ASCII characters",
                    at: envid.location,
                    note: "RFC 3461 §4.4"
                )
            }
            line = line + " ENVID=" + XText.encode(text)
        }
        if mail.smtputf8 { line = line + " SMTPUTF8" }
        return command(line, at: mail.address.location)
    }

    /// Compiles `rcpt`: `RCPT TO:<forward-path>` with NOTIFY and ORCPT.
    mutating func compileRcpt(_ rcpt: RcptAST, besideNotify: NotifyAST?) -> PlannedAction? {
        guard let address = argument(rcpt.address, of: .rcpt) else { return nil }
        checkMailbox(address, at: rcpt.address, allowNull: false, utf8: true)
        if address.captureNames.isEmpty { envelope.recipients.append(address.wire()) }
        var line = "RCPT TO:<" + address + ">"
        if rcpt.notify != nil, let besideNotify {
            error(
                "'notify' is given twice",
                at: besideNotify.location,
                note: "keep it either beside 'rcpt' or inside it"
            )
        }
        if let notify = rcpt.notify ?? besideNotify, let keywords = compileNotify(notify) {
            line = line + " NOTIFY=" + keywords.joined(separator: ",")
        }
        if let orcpt = rcpt.orcpt {
            guard let text = argument(orcpt, of: .rcpt)?.literalOrReport(orcpt, &interpolator.diagnostics) else {
                return nil
            }
            var addressType = "rfc822"
            var original = text
            if let semicolon = text.firstIndex(of: ";") {
                addressType = String(text[..<semicolon])
                original = String(text[text.index(after: semicolon)...])
            }
            let encoded = addressType + ";" + XText.encode(original)
            if encoded.count > SMTPLimits.originalRecipient {
                error("'orcpt' is \(encoded.count) characters; RFC 3461 §4.2 allows 500", at: orcpt.location)
            }
            line = line + " ORCPT=" + encoded
        }
        return command(line, at: rcpt.address.location)
    }

    /// `never`, or a list of success, failure and delay, each once (RFC 3461 §4.1).
    private mutating func compileNotify(_ notify: NotifyAST) -> [String]? {
        var keywords: [String] = []
        let allowed = ["never", "success", "failure", "delay"]
        for value in notify.values {
            let word = value.value.lowercased()
            guard allowed.contains(word) else {
                let guess = Suggestion.closest(to: word, among: allowed)
                error(
                    "invalid notify value '\(value.value)'",
                    at: value.location,
                    note: guess.map { "did you mean '\($0)'?" } ?? "use never, or any of success, failure, delay",
                    span: value.value.count
                )
                return nil
            }
            if keywords.contains(word.uppercased()) {
                error("notify value '\(word)' is given twice", at: value.location)
                return nil
            }
            keywords.append(word.uppercased())
        }
        if keywords.isEmpty {
            error("'notify' is empty", at: notify.location, note: "use never, or any of success, failure, delay")
            return nil
        }
        if keywords.contains("NEVER"), keywords.count > 1 {
            error(
                "notify 'never' cannot be combined with other values",
                at: notify.location,
                note: "RFC 3461 §4.1: NEVER must appear alone; drop it or drop the others"
            )
            return nil
        }
        return keywords
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
