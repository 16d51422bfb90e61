import SMTPCore
import SMTPDiagnosis
import Testing

/// Common replies of real servers, and the DATA, end-of-data and QUIT failures the seed leaves out.
@Suite("Real-world replies")
struct RealWorldReplyTests {
    let catalogue: ReasonsCatalogue

    init() throws {
        catalogue = try ReasonsCatalogue.bundled()
    }

    func firstMatch(
        _ step: DiagnosisStep,
        _ code: Int?,
        _ enhanced: EnhancedStatusCode?,
        _ text: String? = nil
    ) -> String? {
        catalogue.explain(step: step, code: code, enhanced: enhanced, text: text).matches.first?.entry.id
    }

    @Test("Postfix relay denied: 554 5.7.1 and the default 454 4.7.1")
    func relayDenied() {
        #expect(
            firstMatch(.rcpt, 554, "5.7.1", "5.7.1 <a@example.org>: Relay access denied") == "relay-denied-postfix-554"
        )
        #expect(
            firstMatch(.rcpt, 454, "4.7.1", "4.7.1 <a@example.org>: Relay access denied") == "relay-denied-postfix-454"
        )
        let diagnosis = catalogue.explain(step: .rcpt, code: 554, text: "5.7.1 <a@example.org>: Relay access denied")
        #expect(diagnosis.reasons.first?.contains("mynetworks") == true)
    }

    @Test("Greylisting: postgrey's 450 4.2.0 and a 451 4.7.1 by its text")
    func greylisting() {
        #expect(
            firstMatch(.rcpt, 450, "4.2.0", "4.2.0 <a@example.org>: Recipient address rejected: Greylisted")
                == "greylisting-450-420"
        )
        #expect(firstMatch(.rcpt, 451, "4.7.1", "4.7.1 Please try again later") == "greylisting-4-7-1")
        #expect(firstMatch(.rcpt, 451, "4.7.1", "4.7.1 Service unavailable") != "greylisting-4-7-1")
    }

    @Test("Authentication required and failed")
    func auth() {
        #expect(firstMatch(.mailFrom, 530, "5.7.0", "5.7.0 Authentication required") == "auth-required-530")
        #expect(
            firstMatch(.auth, 535, "5.7.8", "5.7.8 Error: authentication failed") == "auth-535-credentials-invalid"
        )
        let diagnosis = catalogue.explain(step: .auth, code: 535, enhanced: "5.7.8")
        #expect(diagnosis.enhanced?.detail?.summary == "authentication credentials invalid")
    }

    @Test("TLS required before MAIL FROM")
    func tlsRequired() {
        #expect(firstMatch(.mailFrom, 530, nil, "Must issue a STARTTLS command first") == "tls-required-530")
        #expect(
            firstMatch(.mailFrom, 530, "5.7.0", "5.7.0 Must issue a STARTTLS command first")
                == "tls-required-530-enhanced"
        )
        #expect(firstMatch(.mailFrom, 530, "5.7.0", "5.7.0 Authentication required") == "auth-required-530")
    }

    @Test("Size exceeded: declared at MAIL FROM, and after the data")
    func size() {
        #expect(
            firstMatch(.mailFrom, 552, "5.3.4", "5.3.4 Message size exceeds fixed limit") == "mail-from-size-declared"
        )
        #expect(firstMatch(.endOfData, 552, "5.3.4") == "end-of-data-552-size")
    }

    @Test(
        "SPF, DKIM and DMARC rejections by enhanced code",
        arguments: [
            ("5.7.20", "dkim-failed"), ("5.7.23", "spf-failed"), ("5.7.24", "spf-error"),
            ("5.7.25", "reverse-dns-failed"),
            ("5.7.26", "dmarc-failed"),
        ]
    )
    func senderAuthentication(enhanced: String, id: String) {
        #expect(firstMatch(.endOfData, 550, EnhancedStatusCode(parsing: enhanced)) == id)
    }

    @Test("Gmail's DMARC text is told apart from its SPF text")
    func gmailTexts() {
        #expect(
            firstMatch(
                .endOfData,
                550,
                "5.7.26",
                "5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy"
            )
                == "dmarc-gmail-text"
        )
        #expect(
            firstMatch(.endOfData, 550, "5.7.26", "5.7.26 This message fails to pass SPF checks") == "spf-gmail-text"
        )
    }

    @Test("Microsoft 365's blocked IP range 5.7.606-649", arguments: ["5.7.606", "5.7.620", "5.7.649"])
    func blockedIP(enhanced: String) {
        #expect(
            firstMatch(
                .rcpt,
                550,
                EnhancedStatusCode(parsing: enhanced),
                "\(enhanced) Access denied, banned sending IP [192.0.2.1]"
            )
                == "blocked-ip-m365"
        )
    }

    @Test("Outside the 5.7.606-649 range, the blocklist entry does not match", arguments: ["5.7.605", "5.7.650"])
    func outsideRange(enhanced: String) {
        #expect(firstMatch(.rcpt, 550, EnhancedStatusCode(parsing: enhanced)) != "blocked-ip-m365")
    }

    @Test("Bare LF: Postfix 550 5.5.2 and Microsoft 365 5.6.11")
    func bareLF() {
        #expect(
            firstMatch(.endOfData, 550, "5.5.2", "5.5.2 mail.example.org Error: bare <LF> received")
                == "bare-lf-postfix"
        )
        #expect(firstMatch(.endOfData, 550, "5.6.11", "5.6.11 SMTPSEND.BareLinefeedsAreIllegal") == "bare-lf-m365")
    }

    @Test("DATA: 503 out of sequence and 554 no valid recipients")
    func data() {
        #expect(firstMatch(.data, 503, "5.5.1", "5.5.1 Error: need RCPT command") == "data-503-sequence")
        let noRecipients = catalogue.explain(
            step: .data,
            code: 554,
            enhanced: "5.5.1",
            text: "5.5.1 Error: no valid recipients"
        )
        #expect(noRecipients.reasons.first == "Every RCPT TO was rejected, so there are no valid recipients.")
    }

    @Test(
        "End of data: 451, 452 and 550 for policy",
        arguments: [
            (451, "end-of-data-451"), (452, "end-of-data-452"), (550, "end-of-data-550-policy"),
            (554, "end-of-data-554-transaction-failed"),
        ]
    )
    func endOfData(code: Int, id: String) {
        #expect(firstMatch(.endOfData, code, nil) == id)
    }

    @Test("A timeout after the message names scanning, not the seed's connection reasons")
    func timeoutAfterData() {
        let diagnosis = catalogue.explain(step: .endOfData, transportFailure: .timeout)
        #expect(diagnosis.matches.first?.entry.id == "timeout-end-of-data")
        #expect(!diagnosis.reasons.contains("Incorrect port number."))
    }

    @Test("QUIT that ends without 221")
    func quit() {
        #expect(catalogue.explain(step: .quit, transportFailure: .closed).matches.first?.entry.id == "quit-closed")
        #expect(firstMatch(.quit, 501, nil) == "data-501-arguments")
    }

    @Test("A code RFC 5321 does not list for the step gets a note")
    func unusualCodeNote() {
        let diagnosis = catalogue.explain(step: .ehlo, code: 552)
        #expect(diagnosis.notes.contains { $0.contains("not a usual reply to EHLO") })
    }

    @Test("An enhanced class that contradicts the code gets a note")
    func classMismatchNote() {
        let diagnosis = catalogue.explain(step: .rcpt, code: 550, enhanced: "4.1.1")
        #expect(diagnosis.notes.contains { $0.contains("contradicts") })
    }

    @Test("A 2xx where a failure was expected says the server is more permissive")
    func unexpectedSuccess() {
        let diagnosis = catalogue.explain(step: .rcpt, code: 250, enhanced: "2.1.5", text: "2.1.5 Recipient OK")
        #expect(diagnosis.matches.first?.entry.id == "class-2xx-unexpected")
        #expect(diagnosis.meaning == "success; addressing status; destination address valid")
    }
}
