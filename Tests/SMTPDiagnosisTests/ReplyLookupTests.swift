import SMTPCore
import SMTPDiagnosis
import Testing

/// Looking up SMTPCore replies as the runner records them.
@Suite("Lookup by SMTPCore reply")
struct ReplyLookupTests {
    @Test("A multi-line reply is looked up by its code, first-line enhanced code and all its text")
    func multiLineReply() throws {
        let catalogue = try ReasonsCatalogue.bundled()
        let reply = Reply(
            code: try #require(ReplyCode(550)),
            lines: [
                "5.7.26 Unauthenticated email from example.org is not accepted due to", "5.7.26 domain's DMARC policy.",
            ]
        )
        let diagnosis = catalogue.explain(step: .endOfData, reply: reply)
        #expect(diagnosis.enhanced?.code == "5.7.26")
        #expect(diagnosis.matches.first?.entry.id == "dmarc-gmail-text")
        #expect(
            diagnosis.meaning == "permanent failure; security or policy status; multiple authentication checks failed"
        )
    }

    @Test("The seed's RCPT failure from a Reply")
    func seedReply() throws {
        let catalogue = try ReasonsCatalogue.bundled()
        let diagnosis = catalogue.explain(step: .rcpt, reply: Reply(550, "5.1.1 User unknown"))
        #expect(diagnosis.reasons.first == "The specified recipient doesn't exist.")
    }
}
