import SMTPMessage
import Testing

@Suite struct MessageIDTests {
    @Test func readsAndNormalisesAMessageID() throws {
        let id = try #require(MessageID(parsing: "  <case-1.smtpspec@CLIENT.Example> (sent by smtpspec)"))
        #expect(id.idLeft == "case-1.smtpspec")
        #expect(id.idRight == "CLIENT.Example")
        #expect(id.normalized == "<case-1.smtpspec@client.example>")
        #expect(id == MessageID(parsing: "<case-1.smtpspec@client.example>"))
        #expect(id != MessageID(parsing: "<CASE-1.smtpspec@client.example>"))
        #expect(id.description == "<case-1.smtpspec@CLIENT.Example>")
    }

    @Test func refusesWhatIsNotAMessageID() {
        for text in [
            "", "case-1@client.example", "<case-1@client.example", "<@client.example>", "<case-1@>",
            "<case 1@client.example>", "<case-1client.example>", "<a@b> <c@d>", "<a@b> (unclosed",
        ] {
            #expect(MessageID(parsing: text) == nil, "\(text)")
        }
    }

    @Test func messageReadsItsTopLevelMessageID() throws {
        let message = try Message(parsing: "Message-Id:\n <a.b@c.example>\nSubject: x\n\n")
        #expect(message.messageID == MessageID(parsing: "<a.b@c.example>"))
    }
}
