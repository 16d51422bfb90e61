import SMTPCore
import Testing

@Suite struct CommandLineFramerTests {
    static func lines(_ framer: inout CommandLineFramer) -> [Result<FramedLine, ProtocolDefect>] {
        var out: [Result<FramedLine, ProtocolDefect>] = []
        while let line = framer.nextLine() { out.append(line) }
        return out
    }

    @Test func splitsCRLFLinesAndNotesBareLF() throws {
        var framer = CommandLineFramer()
        framer.append(Array("EHLO a\r\nNOOP\nQUIT\r\n".utf8))
        let lines = Self.lines(&framer).compactMap { try? $0.get() }
        #expect(lines.map(\.text) == ["EHLO a", "NOOP", "QUIT"])
        #expect(lines.map(\.endedWithBareLineFeed) == [false, true, false])
        #expect(lines[0].octets == 8)
    }

    @Test func anOverlongLineIsReportedOnceAndTheConnectionStaysUsable() throws {
        var framer = CommandLineFramer()
        framer.append(Array(("NOOP " + String(repeating: "a", count: 600)).utf8))
        var results = Self.lines(&framer)
        framer.append(Array(String(repeating: "b", count: 600).utf8))
        results += Self.lines(&framer)
        framer.append(Array("bbb\r\nRSET\r\n".utf8))
        results += Self.lines(&framer)
        #expect(results.count == 2)
        if case .failure(.lineTooLong) = results[0] {} else { Issue.record("expected lineTooLong: \(results[0])") }
        #expect(try results[1].get().text == "RSET")
    }

    @Test func theLimitIsConfigurable() {
        var framer = CommandLineFramer(maxLineLength: 10)
        framer.append(Array("12345678\r\n123456789\r\n".utf8))
        let results = Self.lines(&framer)
        #expect(results.count == 2)
        #expect((try? results[0].get().text) == "12345678")
        #expect(results[1] == .failure(.lineTooLong(octets: 11)))
    }

    @Test func bdatDataAfterTheCommandIsHandedOver() throws {
        var framer = CommandLineFramer()
        framer.append(Array("BDAT 5 LAST\r\nhello QUIT".utf8))
        let first = try #require(try framer.nextLine()?.get())
        #expect(first.text == "BDAT 5 LAST")
        #expect(framer.bufferedByteCount == 10)
        #expect(framer.takeBufferedBytes() == Array("hello QUIT".utf8))
        #expect(framer.nextLine() == nil)
    }
}
