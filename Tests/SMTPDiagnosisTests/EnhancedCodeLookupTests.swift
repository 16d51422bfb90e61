import SMTPCore
import SMTPDiagnosis
import Testing

/// An enhanced status code looked up on its own, with no basic reply code (`smtpspec explain 5.7.1`).
@Suite("Enhanced code alone")
struct EnhancedCodeLookupTests {
    let catalogue: ReasonsCatalogue

    init() throws {
        catalogue = try ReasonsCatalogue.bundled()
    }

    @Test("5.7.1 gives its class, subject and detail, and the entry about exactly 5.7.1 first")
    func deliveryNotAuthorized() throws {
        let diagnosis = (catalogue.explain(step: .any, enhancedCode: "5.7.1"))
        #expect(diagnosis.code == nil)
        #expect(diagnosis.meaning == "permanent failure; security or policy status; delivery not authorized")
        #expect(diagnosis.enhanced?.detail?.name == "Delivery not authorized, message refused")
        let ids = diagnosis.matches.map(\.entry.id)
        #expect(ids.first == "delivery-not-authorized")
        #expect(ids.contains("relay-denied-postfix-554"))
        #expect(ids.contains("seed-mail-from-530-not-authenticated"))
        #expect(!ids.contains("rcpt-550-mailbox-unavailable"))
        #expect(diagnosis.notes.contains { $0.contains("could not be checked") })
        #expect(diagnosis.entryMeaning?.hasPrefix("A policy of the server refused") == true)
    }

    @Test("At a step, that step's entries for the code come first")
    func atStep() throws {
        let atRcpt = (catalogue.explain(step: .rcpt, enhancedCode: "5.7.54"))
        #expect(atRcpt.matches.first?.entry.id == "relay-denied-exchange-5-7-54")
        let atMailFrom = (catalogue.explain(step: .mailFrom, enhancedCode: "5.7.1"))
        #expect(atMailFrom.matches.first?.entry.id == "seed-mail-from-530-not-authenticated")
        #expect(!atMailFrom.matches.contains { $0.entry.id == "relay-denied-postfix-554" })
    }

    @Test("A text, when given, is checked: a matching text ranks its entry, a different one rules it out")
    func withText() throws {
        let relay = (catalogue.explain(step: .rcpt, enhancedCode: "5.7.1", text: "Relay access denied"))
        #expect(relay.matches.first?.entry.id == "relay-denied-postfix-554")
        let other = (catalogue.explain(step: .rcpt, enhancedCode: "5.7.1", text: "Message refused"))
        #expect(!other.matches.contains { $0.entry.id == "relay-denied-postfix-554" })
        #expect(other.matches.first?.entry.id == "delivery-not-authorized")
    }

    @Test("Entries whose reply codes are of another class than the enhanced code do not match")
    func classMustAgree() throws {
        let yaml = """
            entries:
              - {id: permanent, code: 550, enhanced: X.7.1, reasons: [permanent]}
              - {id: transient, code: 4xx, enhanced: X.7.1, reasons: [transient]}
              - {id: plain, enhanced: X.7.1, reasons: [plain]}
              - {id: other-detail, enhanced: X.7.2, reasons: [other]}
              - {id: no-enhanced, code: 450, reasons: [no enhanced]}
            """
        let small = try ReasonsCatalogue.parse(yaml: yaml, path: "small.yaml", origin: .bundled)
        let diagnosis = (small.explain(step: .any, enhancedCode: "4.7.1"))
        #expect(diagnosis.matches.map(\.entry.id) == ["plain", "transient"])
        #expect(diagnosis.reasons == ["plain", "transient"])
    }

    @Test(
        "Not an enhanced code: no enhanced status code to explain",
        arguments: ["5.7", "6.1.1", "5.7.1.2", "5.1234.1", "x.7.1", ""]
    )
    func invalid(text: String) {
        #expect(EnhancedStatusCode(parsing: text) == nil)
    }

    @Test("An unknown detail still gives class and subject")
    func unknownDetail() throws {
        let diagnosis = (catalogue.explain(step: .any, enhancedCode: "5.7.999"))
        #expect(diagnosis.enhanced?.detail == nil)
        #expect(diagnosis.meaning.hasPrefix("permanent failure; security or policy status"))
    }
}
