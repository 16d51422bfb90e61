import SMTPCore
import Testing

@Suite struct ReplyTests {
    @Test func keepsEveryLineAndParsesTheEnhancedCode() throws {
        let reply = Reply(code: 550, lines: ["5.1.1 <kate@fabrikam.com>: User unknown", "5.1.1 second"])
        #expect(reply.enhancedStatusCode == EnhancedStatusCode(parsing: "5.1.1"))
        #expect(reply.text == "5.1.1 <kate@fabrikam.com>: User unknown\n5.1.1 second")
        #expect(reply.textWithoutEnhancedCode == "<kate@fabrikam.com>: User unknown\nsecond")
        #expect(reply.enhancedStatusCodeDefect == nil)
    }

    @Test func encodesMultiLineRepliesForTheWire() {
        let reply = Reply(250, "mail1.fabrikam.com Hello\nPIPELINING\nCHUNKING")
        #expect(reply.encodedLines == ["250-mail1.fabrikam.com Hello", "250-PIPELINING", "250 CHUNKING"])
        #expect(reply.encoded == Array("250-mail1.fabrikam.com Hello\r\n250-PIPELINING\r\n250 CHUNKING\r\n".utf8))
    }

    @Test func emptyTextEncodesAsABareCode() {
        #expect(Reply(250, "").encodedLines == ["250"])
        #expect(Reply(code: 354, lines: []).lines == [""])
    }

    @Test func textCannotInjectASecondReply() {
        let reply = Reply(code: 250, lines: ["ok\r\n250 injected"])
        #expect(reply.encodedLines == ["250-ok", "250 250 injected"])
    }

    @Test func wireBytesAreTheEncodedLinesEachEndedByCRLF() {
        for lines in [
            ["one"], ["first", "second", ""], ["a\rb", "c\r\r\nd"], ["ok\n"], ["", ""], ["ünïcode ✓", "straße"],
        ] {
            let reply = Reply(code: 250, lines: lines)
            #expect(reply.encoded == Array(reply.encodedLines.map { $0 + "\r\n" }.joined().utf8), "\(lines)")
        }
        #expect(Reply(code: 220, lines: ["a\rb"]).encodedLines == ["220-a", "220 b"])
        #expect(Reply(code: 250, lines: ["first", ""]).encodedLines == ["250-first", "250"])
    }

    @Test func invalidConvenienceCodeNeverReachesTheWire() {
        #expect(Reply(999, "oops").code.value == 451)
    }

    @Test func classMismatchIsADefectButTheReplyIsKept() {
        let reply = Reply(250, "5.1.1 odd")
        #expect(reply.code.value == 250)
        #expect(reply.enhancedStatusCodeDefect == .enhancedCodeClassMismatch(code: 250, enhanced: "5.1.1"))
        #expect(reply.enhancedStatusCodeDefect?.description.contains("5.1.1") == true)
    }
}
