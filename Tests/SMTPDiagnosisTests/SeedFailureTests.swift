import SMTPDiagnosis
import Testing

/// Every failure the seed walkthrough documents resolves to its documented reasons, first, at its step.
@Suite("The seed's documented failures")
struct SeedFailureTests {
    let catalogue: ReasonsCatalogue

    init() throws {
        catalogue = try ReasonsCatalogue.bundled()
    }

    static let openReasons = [
        "The destination SMTP service is unavailable.",
        "Restrictions on the destination firewall.",
        "Restrictions on the source firewall.",
        "Incorrect FQDN or IP address for the destination SMTP server.",
        "Incorrect port number.",
    ]

    @Test(
        "A connection that fails lists the seed's five OPEN reasons first",
        arguments: [
            TransportFailureKind.refused, .unreachable, .timeout,
        ]
    )
    func openConnectFailure(failure: TransportFailureKind) {
        let diagnosis = catalogue.explain(step: .open, transportFailure: failure)
        #expect(Array(diagnosis.reasons.prefix(5)) == Self.openReasons)
        #expect(diagnosis.matches.first?.entry.id == "seed-open-connect-failed")
        #expect(diagnosis.failureInfo?.failure == failure)
    }

    @Test("EHLO 501 5.5.4 Invalid domain name gives the seed's two reasons")
    func ehloInvalidDomain() {
        let diagnosis = catalogue.explain(step: .ehlo, code: 501, enhanced: "5.5.4", text: "5.5.4 Invalid domain name")
        #expect(
            Array(diagnosis.reasons.prefix(2)) == [
                "Invalid characters in the domain name.",
                "Connection restrictions on the destination SMTP server.",
            ]
        )
        #expect(
            diagnosis.enhanced?.summary == "permanent failure; mail delivery protocol status; invalid command arguments"
        )
    }

    @Test("MAIL FROM 550 5.1.7 Invalid address is a syntax error in the sender's address")
    func mailFromInvalidAddress() {
        let diagnosis = catalogue.explain(step: .mailFrom, code: 550, enhanced: "5.1.7", text: "5.1.7 Invalid address")
        #expect(diagnosis.reasons.first == "A syntax error in the sender's e-mail address.")
        #expect(diagnosis.enhanced?.detail?.summary == "bad sender mailbox syntax")
    }

    @Test("MAIL FROM 530 5.7.1 Client was not authenticated: no anonymous submissions")
    func mailFromNotAuthenticated() {
        let diagnosis = catalogue.explain(
            step: .mailFrom,
            code: 530,
            enhanced: "5.7.1",
            text: "5.7.1 Client was not authenticated"
        )
        #expect(diagnosis.reasons.first == "The destination server doesn't accept anonymous message submissions.")
        #expect(diagnosis.reasons.contains { $0.contains("Mailbox server") && $0.contains("anonymous connections") })
    }

    @Test("RCPT TO 550 5.1.1 User unknown: the recipient doesn't exist, and DESIGN.md's meaning line")
    func rcptUserUnknown() {
        let diagnosis = catalogue.explain(step: .rcpt, code: 550, enhanced: "5.1.1", text: "5.1.1 User unknown")
        #expect(diagnosis.reasons.first == "The specified recipient doesn't exist.")
        #expect(diagnosis.meaning == "permanent failure; addressing status; bad destination mailbox")
        #expect(diagnosis.matches.first?.entry.id == "seed-rcpt-550-user-unknown")
    }

    @Test("The enhanced code is taken from the reply text when not given separately")
    func enhancedFromText() {
        let diagnosis = catalogue.explain(step: .rcpt, code: 550, text: "5.1.1 User unknown")
        #expect(diagnosis.enhanced?.code == "5.1.1")
        #expect(diagnosis.reasons.first == "The specified recipient doesn't exist.")
    }

    @Test(
        "The 500 5.3.3 tip: an unrecognised command or a syntax error, at any step",
        arguments: [
            DiagnosisStep.ehlo, .mailFrom, .rcpt, .data, .any,
        ]
    )
    func unrecognizedCommandTip(step: DiagnosisStep) {
        let diagnosis = catalogue.explain(step: step, code: 500, enhanced: "5.3.3", text: "5.3.3 Unrecognized command")
        #expect(diagnosis.reasons.first == "The command is not recognised, or it has a syntax error.")
        #expect(diagnosis.reasons.contains { $0.contains("backspace") })
    }

    @Test("Without a step, explain 550 5.1.1 still gives the seed's RCPT reason first")
    func explainWithoutStep() {
        let diagnosis = catalogue.explain(step: .any, code: 550, enhanced: "5.1.1")
        #expect(diagnosis.reasons.first == "The specified recipient doesn't exist.")
    }
}
