import SMTPCore
import Testing

/// The reply caps: an endless multi-line reply is cut at 1,000 lines or 64 KiB, reported once with its start, and
/// the rest of it is skipped, so the reader's memory stays bounded whatever the server sends.
@Suite struct ReplyLimitTests {
    @Test func theDefaultsAreAThousandLinesAnd64KiB() {
        #expect(ReplyParser.defaultMaxLines == 1_000)
        #expect(ReplyParser.defaultMaxOctets == 65_536)
    }

    @Test func aReplyOfExactlyTheLineLimitIsAccepted() throws {
        var reader = ReplyReader(maxLines: 5)
        reader.append(Array((String(repeating: "250-x\r\n", count: 4) + "250 end\r\n").utf8))
        let reply = try #require(try reader.nextReply()?.get())
        #expect(reply.lines.count == 5)
    }

    @Test func oneLineOverTheLineLimitIsADefectQuotingTheStart() {
        var reader = ReplyReader(maxLines: 5)
        reader.append(Array((String(repeating: "250-x\r\n", count: 5) + "250 end\r\n220 next\r\n").utf8))
        #expect(
            reader.nextReply()
                == .failure(.replyTooLong(lines: 6, octets: 5 * 7 + 9, start: ["250-x", "250-x", "250-x"]))
        )
        // The over-long reply's last line was part of it; the next reply parses as usual.
        #expect(reader.nextReply() == .success(Reply(220, "next")))
    }

    @Test func theOctetLimitCountsEveryLineWithItsCRLF() {
        var reader = ReplyReader(maxOctets: 1_024)
        let line = "250-" + String(repeating: "a", count: 96)  // 100 octets + CRLF
        reader.append(Array(String(repeating: line + "\r\n", count: 11).utf8))
        guard case .failure(.replyTooLong(let lines, let octets, let start))? = reader.nextReply() else {
            Issue.record("expected replyTooLong")
            return
        }
        #expect(lines == 11)
        #expect(octets == 11 * 102)
        #expect(start.count == 3)
        #expect(start.first == line)
    }

    @Test func anEndlessMultiLineReplyIsReportedOnceAndNeverBuffered() {
        var reader = ReplyReader()
        var defects = 0
        let chunk = Array(
            String(repeating: "250-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n", count: 100).utf8
        )
        for _ in 0..<2_000 {  // 200,000 lines, 12.8 MB
            reader.append(chunk)
            while let result = reader.nextReply() {
                if case .failure(.replyTooLong) = result { defects += 1 } else { Issue.record("got \(result)") }
            }
            #expect(reader.parser.partial.count <= ReplyParser.defaultMaxLines)
            #expect(reader.bufferedByteCount <= SMTPLimits.replyLine)
        }
        #expect(defects == 1)
        #expect(reader.parser.partial.isEmpty)
        reader.append(Array("250 end of the flood\r\n221 bye\r\n".utf8))
        #expect(reader.nextReply() == .success(Reply(221, "bye")))
    }

    @Test func aDifferentCodeEndsTheSkippingAndIsParsed() {
        var reader = ReplyReader(maxLines: 2)
        reader.append(Array("250-a\r\n250-b\r\n250-c\r\n250-d\r\n421 going away\r\n".utf8))
        guard case .failure(.replyTooLong)? = reader.nextReply() else {
            Issue.record("expected replyTooLong")
            return
        }
        #expect(reader.nextReply() == .success(Reply(421, "going away")))
    }

    @Test func theDefectSaysWhatHappenedAndQuotesTheStart() {
        let defect = ProtocolDefect.replyTooLong(lines: 1_001, octets: 9_000, start: ["250-x", "250-y"])
        #expect(defect.description.contains("1000 lines"))
        #expect(defect.description.contains("65536 octets"))
        #expect(defect.description.contains("\"250-x\""))
    }
}
