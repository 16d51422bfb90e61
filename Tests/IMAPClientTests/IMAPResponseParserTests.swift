import IMAPClient
import Testing

@Suite struct IMAPResponseParserTests {
    /// All responses in `text`, fed in pieces of `chunk` octets.
    static func parse(_ text: String, chunk: Int = .max, limits: IMAPLimits = IMAPLimits()) throws -> [IMAPResponse] {
        try parse(Array(text.utf8), chunk: chunk, limits: limits)
    }

    static func parse(_ bytes: [UInt8], chunk: Int = .max, limits: IMAPLimits = IMAPLimits()) throws -> [IMAPResponse] {
        var parser = IMAPResponseParser(limits: limits)
        var responses: [IMAPResponse] = []
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + min(chunk, bytes.count))
            parser.append(bytes[index..<end])
            index = end
            while let response = try parser.next() { responses.append(response) }
        }
        return responses
    }

    @Test func readsGreetingWithCapabilityCode() throws {
        let responses = try Self.parse("* OK [CAPABILITY IMAP4rev1 SASL-IR STARTTLS AUTH=PLAIN] Dovecot ready.\r\n")
        guard case .untagged(.status(let greeting)) = try #require(responses.first) else {
            Issue.record("not a status: \(responses)")
            return
        }
        #expect(greeting.status == .ok)
        #expect(greeting.code?.capabilities == ["IMAP4rev1", "SASL-IR", "STARTTLS", "AUTH=PLAIN"])
        #expect(greeting.text == "Dovecot ready.")
    }

    @Test func readsTaggedUntaggedAndContinuation() throws {
        let responses = try Self.parse(
            "* CAPABILITY IMAP4rev2 AUTH=PLAIN\r\n+ \r\n+ go on\r\nA1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n"
                + "A2 bad what?\r\n* 3 EXISTS\r\n* FLAGS (\\Seen \\Deleted)\r\n* PREAUTH hello\r\n"
        )
        #expect(
            responses == [
                .untagged(.capability(["IMAP4rev2", "AUTH=PLAIN"])),
                .continuation(""),
                .continuation("go on"),
                .tagged(
                    tag: "A1",
                    IMAPStatusResponse(
                        status: .no,
                        code: IMAPResponseCode(name: "AUTHENTICATIONFAILED", arguments: ""),
                        text: "Authentication failed."
                    )
                ),
                .tagged(tag: "A2", IMAPStatusResponse(status: .bad, text: "what?")),
                .untagged(.numbered(3, "EXISTS")),
                .untagged(.other("FLAGS")),
                .untagged(.status(IMAPStatusResponse(status: .preauth, text: "hello"))),
            ]
        )
    }

    @Test func readsUntaggedBye() throws {
        let responses = try Self.parse("* BYE Server shutting down.\r\n")
        #expect(responses == [.untagged(.status(IMAPStatusResponse(status: .bye, text: "Server shutting down.")))])
    }

    @Test func splitsLinesAcrossBuffersAtEveryOctet() throws {
        let text = "* SEARCH 2 84 882\r\nA7 OK [READ-ONLY] done\r\n"
        let whole = try Self.parse(text)
        #expect(whole.count == 2)
        #expect(whole.first == .untagged(.search([2, 84, 882])))
        for chunk in 1...5 {
            #expect(try Self.parse(text, chunk: chunk) == whole)
        }
    }

    @Test func readsEmptySearchAndModseq() throws {
        #expect(try Self.parse("* SEARCH\r\n") == [.untagged(.search([]))])
        #expect(try Self.parse("* SEARCH 4 9 (MODSEQ 917162500)\r\n") == [.untagged(.search([4, 9]))])
    }

    @Test func readsESearchForms() throws {
        #expect(
            try Self.parse("* ESEARCH (TAG \"A282\") UID MIN 2 COUNT 4 ALL 2,10:11,5\r\n")
                == [.untagged(.esearch(tag: "A282", uid: true, all: [2, 10, 11, 5]))]
        )
        #expect(
            try Self.parse("* ESEARCH (TAG \"A3\") UID\r\n") == [.untagged(.esearch(tag: "A3", uid: true, all: []))]
        )
        #expect(try Self.parse("* ESEARCH ALL 7\r\n") == [.untagged(.esearch(tag: nil, uid: false, all: [7]))])
    }

    @Test func refusesSearchesOverTheLimit() throws {
        let limits = IMAPLimits(maxSearchResults: 3)
        #expect(throws: IMAPError.self) {
            try Self.parse("* ESEARCH (TAG \"A1\") UID ALL 1:4294967295\r\n", limits: limits)
        }
        #expect(throws: IMAPError.self) { try Self.parse("* SEARCH 1 2 3 4\r\n", limits: limits) }
        #expect(try Self.parse("* SEARCH 1 2 3\r\n", limits: limits) == [.untagged(.search([1, 2, 3]))])
    }

    @Test func readsFetchLiteralWithCRLFInsideSplitAcrossBuffers() throws {
        let message = "Message-ID: <x@y>\r\nSubject: hi\r\n\r\nbody {5}\r\n)\r\n"
        let text =
            "* 12 FETCH (UID 345 FLAGS (\\Seen) BODY[] {\(message.utf8.count)}\r\n\(message) INTERNALDATE \"x\")\r\n"
            + "A4 OK Fetch completed.\r\n"
        let expected: [IMAPResponse] = [
            .untagged(.fetch(sequence: 12, uid: 345, body: Array(message.utf8))),
            .tagged(tag: "A4", IMAPStatusResponse(status: .ok, text: "Fetch completed.")),
        ]
        #expect(try Self.parse(text) == expected)
        for chunk in [1, 2, 3, 7, 16] {
            #expect(try Self.parse(text, chunk: chunk) == expected)
        }
    }

    @Test func readsLiteral8QuotedAndNilBodies() throws {
        #expect(
            try Self.parse("* 1 FETCH (BODY[] ~{3}\r\na\u{0}b UID 9)\r\n")
                == [.untagged(.fetch(sequence: 1, uid: 9, body: [97, 0, 98]))]
        )
        #expect(
            try Self.parse("* 2 FETCH (UID 10 BODY[] \"q\\\"t\")\r\n")
                == [.untagged(.fetch(sequence: 2, uid: 10, body: Array("q\"t".utf8)))]
        )
        #expect(
            try Self.parse("* 3 FETCH (UID 11 BODY[] NIL)\r\n") == [.untagged(.fetch(sequence: 3, uid: 11, body: nil))]
        )
        #expect(
            try Self.parse("* 4 FETCH (FLAGS (\\Seen))\r\n") == [.untagged(.fetch(sequence: 4, uid: nil, body: nil))]
        )
    }

    @Test func refusesOverLongLineEvenWithoutLineEnd() throws {
        let limits = IMAPLimits(maxLineLength: 32)
        #expect(throws: IMAPError.limitExceeded("a response line is longer than 32 octets")) {
            try Self.parse("* OK " + String(repeating: "x", count: 40), limits: limits)
        }
        #expect(throws: IMAPError.self) {
            try Self.parse("* OK " + String(repeating: "x", count: 40) + "\r\n", chunk: 1, limits: limits)
        }
        #expect(
            try Self.parse("* OK " + String(repeating: "x", count: 27) + "\r\n", chunk: 1, limits: limits).count == 1
        )
    }

    @Test func refusesOverLargeLiteralBeforeBufferingIt() throws {
        let limits = IMAPLimits(maxLiteralSize: 10)
        #expect(throws: IMAPError.self) { try Self.parse("* 1 FETCH (BODY[] {11}\r\n", limits: limits) }
        #expect(throws: IMAPError.self) { try Self.parse("* 1 FETCH (BODY[] {99999999999999}\r\n") }
    }

    @Test func refusesGarbage() throws {
        for garbage in [
            "\r\n", "hello\r\n", "A1 MAYBE done\r\n", "* 12\r\n", "* SEARCH x\r\n", "* 1 FETCH (BODY[] \"open\r\n",
            "* 1 FETCH UID 3\r\n", "* 1 FETCH (BODY[ \r\n", "\u{1}\u{2}\r\n", "* ESEARCH (FOO 1)\r\n", "A1 BYE no\r\n",
        ] {
            #expect(throws: IMAPError.self, "\(garbage.debugDescription)") { try Self.parse(garbage) }
        }
    }

    @Test func discardsWhatIsBuffered() throws {
        var parser = IMAPResponseParser()
        parser.append(Array("A1 OK Begin TLS\r\n* OK injected\r\n".utf8))
        #expect(try parser.next() == .tagged(tag: "A1", IMAPStatusResponse(status: .ok, text: "Begin TLS")))
        #expect(parser.bufferedByteCount == 15)
        #expect(parser.discardBuffered() == 15)
        #expect(try parser.next() == nil)
    }

    @Test func defaultLimitsAreTheStatedOnes() {
        let limits = IMAPLimits()
        #expect(limits.maxLineLength == 65536)
        #expect(limits.maxLiteralSize == 33_554_432)
        #expect(limits.maxSearchResults == 100)
    }
}
