import SMTPCore
import Testing

@Suite struct DSNParameterTests {
    @Test func notifyParsesAndEncodes() throws {
        #expect(try DSNNotify.parse("success,FAILURE").get() == .conditions([.success, .failure]))
        #expect(try DSNNotify.parse("DELAY,success").get().value == "SUCCESS,DELAY")
        #expect(try DSNNotify.parse(words: ["Never"]).get() == .never)
        #expect(DSNNotify.never.value == "NEVER")
    }

    @Test(arguments: ["NEVER,SUCCESS", "BOGUS", "", "SUCCESS,,FAILURE"])
    func notifyRejectsBadValues(value: String) {
        #expect((try? DSNNotify.parse(value).get()) == nil)
    }

    @Test func neverCannotBeCombinedSaysWhy() {
        guard case .failure(let error) = DSNNotify.parse(words: ["never", "success"]) else {
            Issue.record("NEVER with SUCCESS was accepted")
            return
        }
        #expect(error.message.contains("alone"))
    }

    @Test func retBodyAndOrcpt() throws {
        #expect(DSNReturn(parsing: "hdrs") == .headers)
        #expect(DSNReturn(parsing: "FULL") == .full)
        #expect(DSNReturn(parsing: "ALL") == nil)
        #expect(MailBodyType(parsing: "8bitmime") == .eightBitMIME)
        #expect(MailBodyType(parsing: "BINARYMIME") == .binaryMIME)
        let orcpt = DSNOriginalRecipient(address: "bob+tag=x@example.com")
        #expect(orcpt.value == "rfc822;bob+2Btag+3Dx@example.com")
        #expect(DSNOriginalRecipient(parsing: orcpt.value) == orcpt)
        #expect(DSNOriginalRecipient(parsing: "no-semicolon") == nil)
        #expect(ESMTPParameter.envid("Q 1").description == "ENVID=Q+201")
    }

    @Test func parameterSyntax() {
        #expect(ESMTPParameter.parse("SIZE=100") == ESMTPParameter(keyword: "SIZE", value: "100"))
        #expect(ESMTPParameter.parse("SMTPUTF8") == .smtputf8)
        #expect(ESMTPParameter.parse("X-FOO=bar") != nil)
        #expect(ESMTPParameter.parse("-X=1") == nil)
        #expect(ESMTPParameter.parse("A=b=c") == nil)
        #expect([ESMTPParameter.size(5)].first(keyword: "size")?.value == "5")
    }
}
