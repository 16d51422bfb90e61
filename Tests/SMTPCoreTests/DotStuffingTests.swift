import SMTPCore
import Testing

@Suite struct DotStuffingTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Stuffs, then unstuffs (fed in two pieces split at `split`), and returns the message and what followed.
    static func roundTrip(_ message: [UInt8], split: Int? = nil) -> (DotUnstuffedMessage, [UInt8])? {
        let wire = MessageEncoder.dotStuffed(message) + bytes("QUIT\r\n")
        var reader = DotUnstuffer()
        let cut = min(split ?? wire.count, wire.count)
        if case .complete(let received, let rest) = reader.feed(wire[..<cut]) { return (received, rest) }
        if case .complete(let received, let rest) = reader.feed(wire[cut...]) { return (received, rest) }
        return nil
    }

    static let messages: [String] = [
        "", "Subject: hi\r\n\r\nbody\r\n", "no final line end", ".", "..", ".x", "a\r\n.\r\nb", "a\r\n..\r\n.x\r\n",
        "bare\nlf\nlines", "bare\rcr\rlines", "mixed\r\n\n\r\r\n", "smuggle\n.\nMAIL FROM:<x@y>\n",
        "smuggle\n.\r\nRCPT TO:<x@y>\r\n", "smuggle\r.\rDATA\r", "\r\n.\r\n", ".\r\n.\r\n",
    ]

    @Test(arguments: messages)
    func stuffThenUnstuffGivesTheNormalisedOriginal(text: String) throws {
        let original = Self.bytes(text)
        let expected = MessageEncoder.normalisedLineEndings(original)
        let (received, rest) = try #require(Self.roundTrip(original))
        #expect(received.bytes == expected)
        #expect(rest == Self.bytes("QUIT\r\n"))
        #expect(received.bareLineFeeds == 0 && received.bareCarriageReturns == 0)
    }

    @Test func everySplitPointGivesTheSameMessage() throws {
        let original = Self.bytes("a\r\n.b\r\n..\r\n.\r\nend")
        let wire = MessageEncoder.dotStuffed(original)
        for split in 0...wire.count {
            let (received, _) = try #require(Self.roundTrip(original, split: split))
            #expect(received.bytes == MessageEncoder.normalisedLineEndings(original), "split \(split)")
        }
    }

    @Test func stuffingAddsDotsAndTheEndMarker() {
        #expect(MessageEncoder.dotStuffed(Self.bytes(".x\r\nok")) == Self.bytes("..x\r\nok\r\n.\r\n"))
        #expect(MessageEncoder.dotStuffed([]) == Self.bytes(".\r\n"))
        #expect(MessageEncoder.dotStuffed(Self.bytes("a\n.\nb")) == Self.bytes("a\r\n..\r\nb\r\n.\r\n"))
        #expect(MessageEncoder.normalisedLineEndings(Self.bytes("a\rb\nc\r\n")) == Self.bytes("a\r\nb\r\nc\r\n"))
    }

    @Test(arguments: ["x\n.\nstill content\r\n.\r\n", "x\n.\r\nstill\r\n.\r\n", "x\r.\rstill\r\n.\r\n"])
    func smugglingSequencesDoNotEndTheMessage(wire: String) throws {
        var reader = DotUnstuffer()
        guard case .complete(let message, let rest) = reader.feed(Self.bytes(wire)) else {
            Issue.record("never completed")
            return
        }
        #expect(String(decoding: message.bytes, as: UTF8.self).contains("still"))
        #expect(rest.isEmpty)
        #expect(message.bareLineFeeds + message.bareCarriageReturns >= 1)
    }

    @Test func unstuffingRemovesOneLeadingDot() {
        var reader = DotUnstuffer()
        let progress = reader.feed(Self.bytes("..a\r\n.b\r\n.\r\n"))
        #expect(progress == .complete(reader.messageForTesting(Self.bytes(".a\r\nb\r\n")), remainder: []))
    }

    @Test func sizeLimitIsFlaggedAndTheCopyBounded() throws {
        var reader = DotUnstuffer(maxMessageSize: 10)
        guard case .complete(let message, _) = reader.feed(Self.bytes(String(repeating: "a", count: 50) + "\r\n.\r\n"))
        else {
            Issue.record("never completed")
            return
        }
        #expect(message.sizeExceeded)
        #expect(message.octets == 52)
        #expect(message.bytes.count == 10)
    }

    @Test func overlongTextLinesAreCounted() throws {
        var reader = DotUnstuffer()
        let wire = String(repeating: "a", count: 998) + "\r\n" + String(repeating: "b", count: 999) + "\r\n.\r\n"
        guard case .complete(let message, _) = reader.feed(Self.bytes(wire)) else {
            Issue.record("never completed")
            return
        }
        #expect(message.overlongLines == 1)
        #expect(MessageEncoder.overlongLines(in: Self.bytes(wire)) == [2])
    }

    @Test func needsMoreUntilTheMarker() {
        var reader = DotUnstuffer()
        #expect(reader.feed(Self.bytes("abc\r\n.")) == .needMore)
        #expect(reader.feed(Self.bytes("\r")) == .needMore)
        #expect(!reader.isComplete)
        if case .complete = reader.feed(Self.bytes("\n")) {} else { Issue.record("did not complete") }
        #expect(reader.isComplete)
    }
}

extension DotUnstuffer {
    /// The message value a clean stream of `bytes` gives.
    fileprivate func messageForTesting(_ bytes: [UInt8]) -> DotUnstuffedMessage {
        DotUnstuffedMessage(
            bytes: bytes,
            octets: bytes.count,
            sizeExceeded: false,
            overlongLines: 0,
            bareLineFeeds: 0,
            bareCarriageReturns: 0
        )
    }
}
