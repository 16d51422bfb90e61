import SMTPCore
import Testing

/// The client-side framer and aggregator against adversarial input.
@Suite struct ReplyReaderTests {
    static let ehloWire = Array(
        ("250-mail1.fabrikam.com Hello [192.0.2.7]\r\n250-SIZE 37748736\r\n250-PIPELINING\r\n"
            + "250-234 Text beginning with numbers\r\n250-AUTH NTLM\r\n250 XRDST\r\n220 next\r\n").utf8
    )

    /// Feeds `chunks` one after another and collects every result.
    static func read(_ chunks: [[UInt8]]) -> [Result<Reply, ProtocolDefect>] {
        var reader = ReplyReader()
        var results: [Result<Reply, ProtocolDefect>] = []
        for chunk in chunks {
            reader.append(chunk)
            while let result = reader.nextReply() { results.append(result) }
        }
        return results
    }

    @Test func aMultiLineReplySplitAtEveryByteBoundaryParsesTheSame() throws {
        let whole = Self.read([Self.ehloWire])
        #expect(whole.count == 2)
        let first = try #require(try? whole[0].get())
        #expect(first.code == 250)
        #expect(first.lines.count == 6)
        #expect(first.lines[3] == "234 Text beginning with numbers")
        for split in 0...Self.ehloWire.count {
            let parts = [Array(Self.ehloWire[..<split]), Array(Self.ehloWire[split...])]
            #expect(Self.read(parts) == whole, "split at \(split)")
        }
        #expect(Self.read(Self.ehloWire.map { [$0] }) == whole)
    }

    @Test func mixedCodesAreADefect() {
        let results = Self.read([Array("250-first\r\n251 second\r\n".utf8)])
        #expect(results == [.failure(.mixedCodes(expected: 250, got: "251 second"))])
    }

    @Test func aLineOf513OctetsIsTooLongAndTheNextReplyStillParses() throws {
        let long = "250 " + String(repeating: "x", count: 507)  // 511 octets + CRLF = 513
        let exact = "250 " + String(repeating: "y", count: 506)  // 510 + CRLF = 512
        let results = Self.read([Array((long + "\r\n" + exact + "\r\n").utf8)])
        #expect(results.count == 2)
        #expect(results[0] == .failure(.lineTooLong(octets: 513)))
        #expect(try results[1].get().lines == [String(repeating: "y", count: 506)])
    }

    @Test func aHugeLineArrivingInPiecesIsReportedOnceAndNotBuffered() throws {
        var reader = ReplyReader()
        var results: [Result<Reply, ProtocolDefect>] = []
        reader.append(Array("250 ".utf8))
        for _ in 0..<100 {
            reader.append([UInt8](repeating: UInt8(ascii: "z"), count: 1000))
            while let result = reader.nextReply() { results.append(result) }
            #expect(reader.bufferedByteCount <= SMTPLimits.replyLine)
        }
        reader.append(Array("\r\n250 ok\r\n".utf8))
        while let result = reader.nextReply() { results.append(result) }
        #expect(results.count == 2)
        guard case .failure(.lineTooLong(let octets)) = results[0] else {
            Issue.record("expected lineTooLong, got \(results[0])")
            return
        }
        #expect(octets > SMTPLimits.replyLine)
        #expect(try results[1].get() == Reply(250, "ok"))
    }

    @Test func aBareLineFeedIsADefect() {
        let results = Self.read([Array("250 ok\n".utf8)])
        #expect(results == [.failure(.bareLineFeed(line: "250 ok"))])
    }

    @Test func aMissingFinalLineIsReportedWhenTheConnectionCloses() {
        var reader = ReplyReader()
        reader.append(Array("250-first\r\n250-second\r\n".utf8))
        #expect(reader.nextReply() == nil)
        #expect(reader.connectionClosed() == .connectionClosedMidReply(partial: ["250-first", "250-second"]))
    }

    @Test func aHalfLineIsReportedWhenTheConnectionCloses() {
        var reader = ReplyReader()
        reader.append(Array("250 no end".utf8))
        #expect(reader.nextReply() == nil)
        #expect(reader.connectionClosed() == .connectionClosedMidReply(partial: ["250 no end"]))
        var clean = ReplyReader()
        clean.append(Array("221 bye\r\n".utf8))
        _ = clean.nextReply()
        #expect(clean.connectionClosed() == nil)
    }

    @Test func smtpSinkEmptyFinalLineIsValid() throws {
        let results = Self.read([Array("250-sink\r\n250-PIPELINING\r\n250 \r\n".utf8)])
        let reply = try #require(try? results.first?.get())
        #expect(reply.lines == ["sink", "PIPELINING", ""])
        #expect(Self.read([Array("250\r\n".utf8)]) == [.success(Reply(250, ""))])
    }

    @Test(arguments: ["25 x", "abc", "150 info", "2500 x", "250x", "", "650 nope", "260 second digit"])
    func malformedLinesAreDefects(line: String) {
        #expect(Self.read([Array((line + "\r\n").utf8)]) == [.failure(.malformedReplyLine(line))])
    }

    @Test func theParserStartsAfreshAfterADefect() throws {
        let results = Self.read([Array("250-a\r\nxyz\r\n250 b\r\n".utf8)])
        #expect(results.count == 2)
        #expect(results[0] == .failure(.malformedReplyLine("xyz")))
        #expect(try results[1].get().lines == ["b"])
    }

    @Test func enhancedCodeClassMismatchKeepsTheReplyAndExposesTheDefect() throws {
        let results = Self.read([Array("550 2.1.5 Recipient OK\r\n".utf8)])
        let reply = try #require(try? results.first?.get())
        #expect(reply.enhancedStatusCodeDefect == .enhancedCodeClassMismatch(code: 550, enhanced: "2.1.5"))
    }

    @Test func plaintextAfterAStartTLSReplyIsVisible() {
        var reader = ReplyReader()
        reader.append(Array("220 go ahead\r\n250-injected\r\n".utf8))
        #expect(reader.nextReply() == .success(Reply(220, "go ahead")))
        _ = reader.nextReply()
        #expect(!reader.isIdle)
        #expect(reader.discardPending() > 0)
        #expect(reader.isIdle)
    }

    @Test func nonUTF8BytesNeverCrash() throws {
        let results = Self.read([[UInt8(ascii: "2"), UInt8(ascii: "5"), UInt8(ascii: "0"), 32, 0xFF, 0xC3, 13, 10]])
        #expect(try results.first?.get().code == 250)
    }

    /// The reader parses each line from its buffer's octets; fed the same lines as text, the parser must give the
    /// same replies and defects, down to the text a defect quotes.
    @Test func readingLinesFromOctetsGivesWhatParsingTheirTextGives() {
        let lines: [[UInt8]] = [
            Array("250-mail.fabrikam.com Hello".utf8), Array("250-ENHANCEDSTATUSCODES".utf8), Array("250 DSN".utf8),
            Array("250".utf8), Array("250 ".utf8), Array("354-go".utf8), Array("221 2.0.0 Bye".utf8),
            Array("25 x".utf8), Array("2500 x".utf8), Array("abc".utf8), Array("".utf8), Array("260 x".utf8),
            Array("250-first".utf8), Array("251 mixed".utf8), Array("550 5.1.1 <kate@fabrikam.com> unknown".utf8),
            [UInt8(ascii: "2"), UInt8(ascii: "5"), UInt8(ascii: "0"), 32, 0xFF, 0xC3, 0x41],
            [UInt8(ascii: "2"), UInt8(ascii: "5"), 0xC3, 0xA9], Array("250 caf\u{E9} \u{1F600}".utf8),
        ]
        var reader = ReplyReader()
        var fromOctets: [Result<Reply, ProtocolDefect>] = []
        for line in lines {
            reader.append(line + [13, 10])
            while let result = reader.nextReply() { fromOctets.append(result) }
        }
        var parser = ReplyParser()
        let fromText = lines.compactMap { parser.feed(String(decoding: $0, as: UTF8.self)) }
        #expect(fromOctets == fromText)
        #expect(fromOctets.count == 14)
    }
}
