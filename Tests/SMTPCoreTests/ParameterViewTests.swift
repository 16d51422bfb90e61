import SMTPCore
import Testing

@Suite struct ParameterViewTests {
    static func parameters(_ line: String) throws -> [ESMTPParameter] {
        switch try SMTPCommand.parse(line).get() {
        case .mail(_, let parameters), .rcpt(_, let parameters): return parameters
        default: return []
        }
    }

    @Test func mailParametersReadTypedValues() throws {
        let list = try Self.parameters("MAIL FROM:<a@b.c> size=1000 BODY=8bitmime RET=HDRS ENVID=Q+2B1 SMTPUTF8 X-Y=z")
        let mail = try MailParameters.parse(list).get()
        #expect(mail.size == 1000)
        #expect(mail.body == .eightBitMIME)
        #expect(mail.ret == .headers)
        #expect(mail.envelopeID == "Q+1")
        #expect(mail.smtputf8)
        #expect(mail.others == [ESMTPParameter(keyword: "X-Y", value: "z")])
        #expect(try MailParameters.parse(mail.parameters).get() == mail)
    }

    @Test(arguments: [
        "MAIL FROM:<a@b.c> SIZE=big", "MAIL FROM:<a@b.c> RET=ALL", "MAIL FROM:<a@b.c> RET=FULL RET=HDRS",
        "MAIL FROM:<a@b.c> BODY=9BIT", "MAIL FROM:<a@b.c> SMTPUTF8=yes", "MAIL FROM:<a@b.c> ENVID=a+G0",
        "MAIL FROM:<a@b.c> SIZE=-1",
    ])
    func badMailParametersAre501(line: String) throws {
        guard case .failure(let error) = MailParameters.parse(try Self.parameters(line)) else {
            Issue.record("\(line) was accepted")
            return
        }
        #expect(error.replyCode == 501)
    }

    @Test func recipientParameters() throws {
        let list = try Self.parameters(
            "RCPT TO:<kate@fabrikam.com> NOTIFY=success,failure ORCPT=rfc822;kate@fabrikam.com"
        )
        let rcpt = try RecipientParameters.parse(list).get()
        #expect(rcpt.notify == .conditions([.success, .failure]))
        #expect(rcpt.originalRecipient == DSNOriginalRecipient(address: "kate@fabrikam.com"))
        #expect(try RecipientParameters.parse(rcpt.parameters).get() == rcpt)
        for bad in [
            "RCPT TO:<k@f.com> NOTIFY=BOGUS", "RCPT TO:<k@f.com> NOTIFY", "RCPT TO:<k@f.com> ORCPT=x",
            "RCPT TO:<k@f.com> NOTIFY=NEVER NOTIFY=NEVER", "RCPT TO:<k@f.com> NOTIFY=NEVER,DELAY",
        ] {
            #expect((try? RecipientParameters.parse(try Self.parameters(bad)).get()) == nil, "\(bad)")
        }
    }
}
