import SMTPMessage
import Testing

@Suite struct HeaderReaderTests {
    @Test func unfoldsFoldedFieldsAndKeepsRepeatedOnesInOrder() throws {
        let text = """
            Received: from a.example
            \tby b.example; Sun, 6 Dec 2026 23:00:00 +0000
            Subject: a long
              subject
            received: from c.example by d.example
            X-Empty:

            body line 1
            body line 2
            """
        let message = try Message(parsing: text)
        #expect(message.headers.count == 4)
        #expect(message.headers.fields.map(\.name) == ["Received", "Subject", "received", "X-Empty"])
        #expect(
            message.headers.values(named: "RECEIVED") == [
                "from a.example\tby b.example; Sun, 6 Dec 2026 23:00:00 +0000", "from c.example by d.example",
            ]
        )
        #expect(message.headers["subject"] == "a long  subject")
        #expect(message.headers["X-Empty"] == "")
        #expect(message.headers.fields[1].line == 3)
        #expect(message.body == "body line 1\nbody line 2")
        #expect(message.headers["Missing"] == nil)
    }

    @Test func readsCRLFAndLFAlike() throws {
        let lf = Array("Subject: hi\n there\nTo: kate@relay.example\n\nbody\n".utf8)
        let crlf = lf.flatMap { $0 == UInt8(ascii: "\n") ? [13, $0] : [$0] }
        let fromLF = try Message(parsing: lf)
        let fromCRLF = try Message(parsing: crlf)
        #expect(fromLF.headers == fromCRLF.headers)
        #expect(fromCRLF.headers["Subject"] == "hi there")
        #expect(fromCRLF.body == "body\r\n")
    }

    @Test func leavesEncodedWordsAlone() throws {
        let message = try Message(parsing: "Subject: =?UTF-8?B?aMOpbGxv?=\n\n")
        #expect(message.headers["Subject"] == "=?UTF-8?B?aMOpbGxv?=")
    }

    @Test func acceptsHeadersWithoutBodyAndObsoleteSpaceBeforeColon() throws {
        let message = try Message(parsing: "Subject : hi\nTo: kate@relay.example")
        #expect(message.headers.fields.map(\.name) == ["Subject", "To"])
        #expect(message.bodyBytes.isEmpty)
        let empty = try Message(parsing: "\nonly a body\n")
        #expect(empty.headers.isEmpty)
        #expect(empty.body == "only a body\n")
    }

    @Test func rejectsMalformedFieldLines() {
        #expect(throws: MessageSyntaxError.missingColon(line: 2)) {
            try Message(parsing: "Subject: hi\nFrom chris@relay.example\n\n")
        }
        #expect(throws: MessageSyntaxError.invalidFieldName(line: 1)) {
            try Message(parsing: "Sub ject: hi\n\n")
        }
        #expect(throws: MessageSyntaxError.invalidFieldName(line: 1)) {
            try Message(parsing: ": no name\n\n")
        }
        #expect(throws: MessageSyntaxError.invalidFieldName(line: 1)) {
            try Message(parsing: "Subj\u{E9}ct: hi\n\n")
        }
        #expect(throws: MessageSyntaxError.continuationWithoutField(line: 1)) {
            try Message(parsing: " folded: first\n\n")
        }
    }

    @Test func stopsAtItsLimits() {
        let limits = MessageLimits(headerSectionOctets: 64, fieldCount: 3, lineOctets: 20)
        #expect(throws: MessageSyntaxError.lineTooLong(line: 2, limit: 20)) {
            try Message(parsing: "A: 1\nB: 123456789012345678901234\n\n", limits: limits)
        }
        #expect(throws: MessageSyntaxError.tooManyFields(limit: 3)) {
            try Message(parsing: "A: 1\nB: 2\nC: 3\nD: 4\n\n", limits: limits)
        }
        #expect(throws: MessageSyntaxError.headerSectionTooLarge(limit: 64)) {
            try Message(parsing: "A: 1\n" + String(repeating: " a\n", count: 30) + "\n", limits: limits)
        }
        // A line without its line end, longer than the limit, is caught without reading it all.
        #expect(throws: MessageSyntaxError.lineTooLong(line: 1, limit: 20)) {
            try Message(parsing: "A: " + String(repeating: "x", count: 10_000), limits: limits)
        }
    }

    @Test func defaultLimitsAreTheStatedOnes() {
        let limits = MessageLimits.standard
        #expect(limits.headerSectionOctets == 1_048_576)
        #expect(limits.fieldCount == 10_000)
        #expect(limits.lineOctets == 998)
    }
}
