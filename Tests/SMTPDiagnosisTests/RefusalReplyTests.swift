import SMTPDiagnosis
import Testing

/// Relay, null-MX, blocklist and AUTH refusals as real servers word them: each reply, looked up at the step it
/// comes at, gets its own entry first, ahead of the generic entry for its code.
@Suite("Refusal replies")
struct RefusalReplyTests {
    let catalogue: ReasonsCatalogue

    init() throws {
        catalogue = try ReasonsCatalogue.bundled()
    }

    /// The diagnosis of a reply line as a server sends it: `550 5.7.54 SMTP; Unable to relay ...`.
    func explain(_ step: DiagnosisStep, _ line: String) -> Diagnosis {
        let code = Int(line.prefix(3))
        let text = String(line.dropFirst(4))
        return catalogue.explain(step: step, code: code, text: text)
    }

    func firstMatch(_ step: DiagnosisStep, _ line: String) -> String? {
        explain(step, line).matches.first?.entry.id
    }

    @Test("Exchange's 550 5.7.54 relay refusal at RCPT TO names accepted domains and receive connectors")
    func exchangeRelay() {
        let diagnosis = explain(.rcpt, "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain")
        #expect(diagnosis.matches.first?.entry.id == "relay-denied-exchange-5-7-54")
        #expect(diagnosis.reasons.first?.contains("accepted domain") == true)
        #expect(diagnosis.reasons.contains { $0.contains("Receive connector") })
        #expect(diagnosis.reasons.contains { $0.contains("587") })
        #expect(
            diagnosis.meaning == "permanent failure; security or policy status; relay to non-accepted domain refused"
        )
        #expect(diagnosis.matches.map(\.entry.id).firstIndex(of: "rcpt-550-mailbox-unavailable") ?? 0 > 0)
    }

    @Test("556 5.1.10 at RCPT TO: the recipient's domain has a null MX")
    func nullMX() throws {
        let diagnosis = explain(.rcpt, "556 5.1.10 <kate@nomail.example>: Recipient address has null MX")
        #expect(diagnosis.matches.first?.entry.id == "rcpt-556-null-mx")
        #expect(diagnosis.reasons.first?.contains("null MX") == true)
        #expect(diagnosis.meaning == "permanent failure; addressing status; recipient domain has null MX")
        let info = try #require(catalogue.replyCodes[556])
        #expect(info.meaning.hasPrefix("The domain does not accept mail"))
        #expect(info.commands == [.rcpt])
        #expect(diagnosis.notes.isEmpty)
    }

    @Test("A bare 556 at RCPT TO, and a 556 where RFC 7504 does not place it")
    func domainNoMail() {
        #expect(firstMatch(.rcpt, "556 Domain does not accept mail") == "rcpt-556-domain-no-mail")
        let atMailFrom = explain(.mailFrom, "556 Sender domain does not accept mail")
        #expect(atMailFrom.matches.first?.entry.id == "domain-no-mail-556-other-step")
        #expect(atMailFrom.notes.contains { $0.contains("not a usual reply to MAIL FROM") })
        #expect(firstMatch(.open, "556 mail.example.net does not accept mail") == "domain-no-mail-556-other-step")
    }

    static let blocklistReplies: [(DiagnosisStep, String, String)] = [
        (
            .rcpt,
            "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; "
                + "https://www.spamhaus.org/query/ip/192.0.2.1",
            "dnsbl-spamhaus"
        ),
        (
            .open,
            "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
            "dnsbl-spamhaus"
        ),
        (
            .mailFrom,
            "554 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org",
            "dnsbl-barracuda"
        ),
        (.ehlo, "550 5.7.1 Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1", "dnsbl-spamcop"),
        (.rcpt, "550 5.7.1 Client IP 192.0.2.1 is listed at bl.example.net", "dnsbl-listed"),
        (.open, "421 4.7.0 Connection refused: your address is on our RBL", "dnsbl-listed"),
        (
            .rcpt,
            "554 5.7.1 Service unavailable; Sender address [spam.example] blocked using dbl.spamhaus.org",
            "dnsbl-domain-listed"
        ),
    ]

    @Test("DNS blocklist refusals at any step name the list's entry first", arguments: blocklistReplies)
    func blocklist(step: DiagnosisStep, line: String, id: String) {
        let diagnosis = explain(step, line)
        #expect(diagnosis.matches.first?.entry.id == id)
        #expect(diagnosis.hints.first?.contains("delist") == true || diagnosis.hints.first?.contains("removal") == true)
        let ids = diagnosis.matches.map(\.entry.id)
        if let generic = ids.firstIndex(of: "delivery-not-authorized") { #expect(generic > 0) }
    }

    @Test("A blocklisted IP's reasons say why an address gets listed")
    func blocklistReasons() {
        let diagnosis = explain(
            .rcpt,
            "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.example"
        )
        #expect(diagnosis.matches.first?.entry.id == "dnsbl-listed")
        #expect(diagnosis.reasons.contains { $0.contains("shared") })
        #expect(diagnosis.reasons.contains { $0.contains("dynamic or residential") })
        #expect(diagnosis.reasons.contains { $0.contains("compromised") })
        #expect(diagnosis.hints.first?.contains("smarthost") == true)
    }

    @Test("A refusal that only shares 5.7.1 with a blocklist reply does not get blocklist reasons")
    func notABlocklist() {
        let ids = explain(.rcpt, "554 5.7.1 <a@example.org>: Relay access denied").matches.map(\.entry.id)
        #expect(!ids.contains { $0?.hasPrefix("dnsbl-") == true })
    }

    @Test("535 5.7.8 is a wrong password, ahead of the generic 535 entry")
    func wrongPassword() {
        let postfix = explain(.auth, "535 5.7.8 Error: authentication failed: authentication failure")
        #expect(postfix.matches.first?.entry.id == "auth-535-credentials-invalid")
        #expect(postfix.reasons.first?.contains("password") == true)
        #expect(!postfix.reasons.prefix(4).contains { $0.contains("not one the server offered") })
        let ids = postfix.matches.map(\.entry.id)
        #expect(ids.firstIndex(of: "auth-535-bad-credentials") ?? 0 > 0)
        #expect(firstMatch(.auth, "535 5.7.8 Authentication credentials invalid") == "auth-535-credentials-invalid")
    }

    @Test(
        "A mechanism the server did not offer: 504 5.5.4, Exchange's 504 5.7.4 and Postfix's 535 5.7.8 text",
        arguments: [
            ("504 5.5.4 Unrecognized authentication type", "auth-mechanism-not-offered"),
            ("504 5.7.4 Unrecognized authentication type", "auth-mechanism-not-offered"),
            ("504 5.5.4 Mechanism not supported", "auth-mechanism-not-offered"),
            ("535 Invalid authentication mechanism", "auth-mechanism-not-offered"),
            ("535 5.7.8 Error: authentication failed: Invalid authentication mechanism", "auth-535-mechanism-postfix"),
        ]
    )
    func mechanismNotOffered(line: String, id: String) {
        let diagnosis = explain(.auth, line)
        #expect(diagnosis.matches.first?.entry.id == id)
        #expect(diagnosis.entryMeaning == "The server does not offer the authentication mechanism the client named.")
        #expect(diagnosis.reasons.first?.contains("AUTH line") == true)
        #expect(diagnosis.reasons.first?.contains("password") == false)
    }

    @Test("A bare 535 right after AUTH names both a wrong password and an unoffered mechanism")
    func bare535() {
        let diagnosis = explain(.auth, "535 Authentication failed")
        #expect(diagnosis.matches.first?.entry.id == "auth-535-bad-credentials")
        #expect(diagnosis.reasons.first == "The user name or password is wrong.")
        #expect(diagnosis.reasons.contains { $0.contains("not one the server offered") })
    }

    @Test("Exchange's 535 5.7.3 and Microsoft 365's 535 5.7.139")
    func exchangeAuth() {
        #expect(firstMatch(.auth, "535 5.7.3 Authentication unsuccessful") == "auth-535-exchange-573")
        let m365 = explain(
            .auth,
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
        )
        #expect(m365.matches.first?.entry.id == "auth-535-m365-smtp-auth-disabled")
        #expect(m365.reasons.first?.contains("SMTP AUTH") == true)
    }
}
