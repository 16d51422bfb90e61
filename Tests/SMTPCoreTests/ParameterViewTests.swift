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

    @Test func refusalsNameTheParameterAndHowItIsWritten() throws {
        let cases: [(String, String, String?)] = [
            ("MAIL FROM:<a@b.c> SIZE=+5", "SIZE", "SIZE=<octets>"),
            ("MAIL FROM:<a@b.c> RET=ALL", "RET", "RET=FULL or RET=HDRS"),
            ("MAIL FROM:<a@b.c> SIZE=1 size=2", "SIZE", nil),
            ("MAIL FROM:<a@b.c> ENVID=a+7Fb", "ENVID", "ENVID=<xtext of at most 100 printable ASCII characters>"),
        ]
        for (line, keyword, expected) in cases {
            guard case .failure(let error) = MailParameters.parse(try Self.parameters(line)) else {
                Issue.record("\(line) was accepted")
                continue
            }
            #expect(error.keyword == keyword, "\(line)")
            #expect(error.expected == expected, "\(line)")
        }
        guard case .failure(let notify) = RecipientParameters.parse(try Self.parameters("RCPT TO:<k@f.com> NOTIFY=NO"))
        else {
            Issue.record("NOTIFY=NO was accepted")
            return
        }
        #expect(notify.keyword == "NOTIFY")
    }

    @Test func sizeAndEnvelopeIDValues() {
        #expect(MailParameters.size(parsing: "0") == 0)
        #expect(MailParameters.size(parsing: "10240000") == 10_240_000)
        for bad in ["", "+5", "-1", "1e3", " 5", "99999999999999999999", "123456789012345678901"] {
            #expect(MailParameters.size(parsing: bad) == nil, "\(bad)")
        }
        #expect(MailParameters.isEnvelopeID("QQ+1 x"))
        #expect(MailParameters.isEnvelopeID(String(repeating: "a", count: 100)))
        #expect(!MailParameters.isEnvelopeID(String(repeating: "a", count: 101)))
        #expect(!MailParameters.isEnvelopeID(""))
        #expect(!MailParameters.isEnvelopeID("caf\u{E9}"))
        #expect(!MailParameters.isEnvelopeID("a\tb"))
    }

    @Test func whichEHLOKeywordOffersAParameter() {
        let cases: [(String, String?)] = [
            ("SIZE=1", "SIZE"), ("BODY=8BITMIME", "8BITMIME"), ("body=binarymime", "BINARYMIME"), ("BODY=7BIT", nil),
            ("BODY=9BIT", nil), ("RET=HDRS", "DSN"), ("ENVID=x", "DSN"), ("NOTIFY=NEVER", "DSN"),
            ("ORCPT=rfc822;a@b", "DSN"), ("SMTPUTF8", "SMTPUTF8"), ("AUTH=<>", "AUTH"), ("REQUIRETLS", "REQUIRETLS"),
            ("XFOO=1", "XFOO"),
        ]
        for (text, keyword) in cases {
            #expect(ESMTPParameter.parse(text)?.extensionKeyword == keyword, "\(text)")
        }
    }
}
