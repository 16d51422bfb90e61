import SMTPCore
import Testing

@Suite struct ReplyCodeTests {
    @Test(arguments: [200, 250, 354, 421, 559, 554, 505])
    func acceptsCodesOfTheGrammar(value: Int) throws {
        let code = try #require(ReplyCode(value))
        #expect(code.value == value)
        #expect(code.replyClass.rawValue == value / 100)
    }

    @Test(arguments: [0, 199, 100, 160, 260, 299, 599, 600, 999, -250, 1250])
    func refusesCodesOutsideTheGrammar(value: Int) {
        #expect(ReplyCode(value) == nil)
    }

    @Test func classWords() {
        #expect(ReplyClass.positiveCompletion.description == "success")
        #expect(ReplyClass.positiveIntermediate.description == "intermediate")
        #expect(ReplyClass.transientNegative.description == "transient failure")
        #expect(ReplyClass.permanentNegative.description == "permanent failure")
        let value = 452
        #expect(ReplyCode(value)?.replyClass == .transientNegative)
        // A literal goes through ExpressibleByIntegerLiteral: valid ones are used as is.
        let literal: ReplyCode = 452
        #expect(literal.value == 452)
    }

    @Test func parsesThreeDigitsOnly() {
        #expect(ReplyCode(parsing: "250")?.value == 250)
        #expect(ReplyCode(parsing: "25") == nil)
        #expect(ReplyCode(parsing: "2500") == nil)
        #expect(ReplyCode(parsing: "2a0") == nil)
        #expect(ReplyCode(parsing: "170") == nil)
    }

    @Test func enhancedStatusCodeParsing() throws {
        let code = try #require(EnhancedStatusCode(parsing: "5.1.1"))
        #expect(code.klass == 5 && code.subject == 1 && code.detail == 1)
        #expect(code.description == "5.1.1")
        #expect(EnhancedStatusCode(parsing: "4.7.850")?.detail == 850)
        #expect(EnhancedStatusCode(parsing: "2.0.0")?.description == "2.0.0")
        for bad in ["3.0.0", "1.2.3", "5.1", "5.1.1.1", "5.1234.1", "5..1", "x.1.1", "", "5.1.1 "] {
            #expect(EnhancedStatusCode(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func enhancedCodeAtTheStartOfText() {
        #expect(EnhancedStatusCode.leading(in: "2.1.5 Recipient OK")?.rest == "Recipient OK")
        #expect(EnhancedStatusCode.leading(in: "5.7.1")?.code.description == "5.7.1")
        #expect(EnhancedStatusCode.leading(in: "192.0.2.1 Hello") == nil)
        #expect(EnhancedStatusCode.leading(in: "2.1.5,ok") == nil)
        #expect(EnhancedStatusCode.leading(in: "mail1.fabrikam.com Hello") == nil)
    }

    /// The code alone, as a reply's enhanced code is read, is the code `leading(in:)` finds with the rest.
    @Test(arguments: [
        "2.1.5 Recipient OK", "5.7.1", "4.4.2  two spaces", "192.0.2.1 Hello", "2.1.1234 x", "2.1.5x", "6.1.1 no",
        "5.1.1000", "2.0.0", "", "x 2.0.0", "5.999.999 far", "5.1.1.1 four",
    ])
    func theLeadingCodeAloneIsTheOneFoundWithTheRest(text: String) {
        #expect(EnhancedStatusCode.leadingCode(in: text) == EnhancedStatusCode.leading(in: text)?.code)
        #expect(Reply(550, text).enhancedStatusCode == EnhancedStatusCode.leading(in: text)?.code)
    }
}
