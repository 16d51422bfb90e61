import SMTPCore
import Testing

/// The one fence between a value and the wire: each slot's rule.
@Suite("The wire fence")
struct WireFenceTests {
    private func kinds(_ value: String, _ slot: WireSlot) -> [WireFenceViolation.Kind] {
        WireFence.violations(of: value, in: slot).map(\.kind)
    }

    @Test("a command argument, a host: no CR, LF or NUL", arguments: [WireSlot.commandLine, .host])
    func oneLine(slot: WireSlot) {
        #expect(kinds("kate@fabrikam.com", slot).isEmpty)
        #expect(kinds("a\r\nRSET", slot) == [.lineBreak, .lineBreak])
        #expect(kinds("a\nb", slot) == [.lineBreak])
        #expect(kinds("127.0.0.1\0evil.example", slot) == [.nul])
        #expect(kinds("tab\there \u{1}", slot).isEmpty)
    }

    @Test("a credential: no CR, LF, NUL, nor XOAUTH2's SOH")
    func credential() {
        #expect(kinds("kate", .credential).isEmpty)
        #expect(kinds("u\0x", .credential) == [.nul])
        #expect(kinds("pass\r\n", .credential) == [.lineBreak, .lineBreak])
        #expect(kinds("a\u{1}auth=Bearer x", .credential) == [.fieldSeparator])
    }

    @Test("a header name is RFC 5322 ftext: printable ASCII but the colon, at least one character")
    func headerName() {
        #expect(kinds("X-Mailer", .headerName).isEmpty)
        #expect(kinds("!#$%&'*+-.^_`|~;<>=?@[]", .headerName).isEmpty)
        #expect(kinds("", .headerName) == [.emptyFieldName])
        #expect(kinds("X-A\r\nBcc", .headerName) == [.notFieldName, .notFieldName])
        #expect(kinds("X A", .headerName) == [.notFieldName])
        #expect(kinds("X:A", .headerName) == [.notFieldName])
        #expect(kinds("Süd", .headerName) == [.notFieldName])
        #expect(kinds("X\u{7F}", .headerName) == [.notFieldName])
    }

    @Test("a header value: folding (CRLF then a space or tab) only, no NUL")
    func headerValue() {
        #expect(kinds("Test from Contoso", .headerValue).isEmpty)
        #expect(kinds("a long\r\n folded value\r\n\tand more", .headerValue).isEmpty)
        #expect(kinds("s\r\nBcc: victim@evil.test", .headerValue) == [.lineBreak, .lineBreak])
        #expect(kinds("s\nBcc: x", .headerValue) == [.lineBreak])
        #expect(kinds("s\r Bcc", .headerValue) == [.lineBreak])
        #expect(kinds("s\r\n", .headerValue) == [.lineBreak, .lineBreak])
        #expect(kinds("s\0", .headerValue) == [.nul])
    }

    @Test("a message: CR and LF are its line ends, NUL is refused; a BDAT chunk takes anything")
    func messageAndChunk() {
        #expect(kinds("Subject: x\r\n\r\nline\nline\r", .messageText).isEmpty)
        #expect(kinds("body\0", .messageText) == [.nul])
        #expect(kinds("\0\r\n\u{1}", .chunk).isEmpty)
    }

    @Test("a violation says which character, where and why; the reason alone says nothing of the value")
    func description() throws {
        let violation = try #require(WireFence.firstViolation(of: "VRFY a\0b", in: .commandLine))
        #expect(violation.offset == 6)
        #expect(violation.characterName == "NUL (\\0)")
        #expect(violation.description.hasPrefix("NUL (\\0) at character 7 of the command argument: "))
        #expect(!violation.reason.contains("a\0b"))
    }

    @Test("messages show control characters escaped")
    func escaped() {
        #expect(
            WireFence.escaped("a\r\nb\0c\td\u{1B}e\u{7F}f\u{85}g\u{2028}")
                == "a\\r\\nb\\0c\\td\\u{1B}e\\u{7F}f\\u{85}g\\u{2028}"
        )
        #expect(WireFence.escaped("plain ünïcode") == "plain ünïcode")
    }

    @Test("ORCPT as written: a type that is an atom, and neither part empty")
    func originalRecipient() throws {
        #expect(try DSNOriginalRecipient.written("rfc822;kate@fabrikam.com").get().addressType == "rfc822")
        #expect(try DSNOriginalRecipient.written("kate@fabrikam.com").get().value == "rfc822;kate@fabrikam.com")
        #expect(throws: DSNOriginalRecipient.Problem.emptyAddressType) { try DSNOriginalRecipient.written(";").get() }
        #expect(throws: DSNOriginalRecipient.Problem.emptyAddress) { try DSNOriginalRecipient.written("rfc822;").get() }
        #expect(throws: DSNOriginalRecipient.Problem.emptyAddress) { try DSNOriginalRecipient.written("").get() }
        #expect(throws: DSNOriginalRecipient.Problem.invalidAddressType) {
            try DSNOriginalRecipient.written("rfc 822;kate@fabrikam.com").get()
        }
    }

    @Test("an address problem's summary quotes nothing of the address")
    func summaries() {
        let secret = "S3cr3t Pa55"
        for problem in AddressSyntax.validateMailbox(secret) + AddressSyntax.validateDomain(secret)
            + AddressSyntax.validateMailbox(secret + "@" + String(repeating: "x", count: 70) + ".example")
        {
            #expect(!problem.summary.contains("S3cr3t"), "\(problem.summary)")
            #expect(!problem.summary.contains("Pa55"), "\(problem.summary)")
        }
    }
}
