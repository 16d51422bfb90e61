import SMTPCore
import Testing

@Suite struct EHLOCapabilitiesTests {
    /// The Exchange sample EHLO reply of the seed walkthrough.
    static let exchange = Reply(
        code: 250,
        lines: [
            "mail1.fabrikam.com Hello [192.0.2.7]", "SIZE 37748736", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES",
            "STARTTLS", "X-ANONYMOUSTLS", "AUTH NTLM", "X-EXPS GSSAPI NTLM", "8BITMIME", "BINARYMIME", "CHUNKING",
            "XRDST",
        ]
    )

    @Test func readsTheSeedReply() {
        let capabilities = EHLOCapabilities(reply: Self.exchange)
        #expect(capabilities.domain == "mail1.fabrikam.com")
        #expect(capabilities.greeting == "Hello [192.0.2.7]")
        #expect(capabilities.size == 37_748_736)
        #expect(capabilities.authMechanisms == ["NTLM"])
        #expect(capabilities.parameters(of: "x-exps") == ["GSSAPI", "NTLM"])
        #expect(capabilities.contains("pipelining"))
        #expect(capabilities.contains("AUTH", parameter: "ntlm"))
        #expect(!capabilities.contains("AUTH", parameter: "PLAIN"))
        #expect(capabilities.supportsPipelining && capabilities.supportsDSN && capabilities.supportsChunking)
        #expect(capabilities.supportsStartTLS && capabilities.supportsBinaryMIME && capabilities.supports8BitMIME)
        #expect(!capabilities.supportsSMTPUTF8)
        #expect(capabilities.parameters(of: "VRFY") == nil)
        #expect(capabilities.keywords.count == 12)
    }

    @Test func oldAuthEqualsFormAndEmptyLinesAreHandled() {
        let reply = Reply(code: 250, lines: ["sink", "AUTH=LOGIN PLAIN", "AUTH PLAIN CRAM-MD5", "SIZE", ""])
        let capabilities = EHLOCapabilities(reply: reply)
        #expect(capabilities.authMechanisms == ["LOGIN", "PLAIN", "CRAM-MD5"])
        #expect(capabilities.size == nil)
        #expect(capabilities.contains("SIZE"))
        #expect(capabilities.capabilities.count == 3)
    }

    @Test("a line splits at runs of spaces and tabs; KEYWORD=VALUE gives a first parameter only when not empty")
    func wordSplitting() {
        let cases: [(line: String, keyword: String?, parameters: [String])] = [
            ("  SIZE \t 1000  ", "SIZE", ["1000"]),
            ("AUTH=PLAIN\tLOGIN", "AUTH", ["PLAIN", "LOGIN"]),
            ("AUTH= LOGIN", "AUTH", ["LOGIN"]),
            ("=X Y", "=X", ["Y"]),
            ("X-ÜBER ä", "X-ÜBER", ["ä"]),
            (" \t ", nil, []),
            ("", nil, []),
        ]
        for (line, keyword, parameters) in cases {
            let capability = Capability(line: line)
            #expect(capability?.keyword == keyword, "\(line.debugDescription)")
            #expect((capability?.parameters ?? []) == parameters, "\(line.debugDescription)")
        }
    }

    @Test func keywordsMatchIgnoringCaseOnly() {
        let pipelining = Capability(keyword: "PipeLining")
        #expect(pipelining.has(keyword: "PIPELINING"))
        #expect(pipelining.has(keyword: "pipelining"))
        #expect(!pipelining.has(keyword: "PIPELININ"))
        #expect(!pipelining.has(keyword: "PIPELININGS"))
        #expect(!Capability(keyword: "8BITMIME").has(keyword: "8bitmimf"))
        // A keyword outside ASCII (not RFC 5321's, but a server may send it) compares as upper-cased text.
        #expect(Capability(keyword: "straße").has(keyword: "STRASSE"))
    }

    @Test func aRefusedEHLOHasNoCapabilities() {
        #expect(EHLOCapabilities(reply: Reply(502, "5.5.1 not implemented")).capabilities.isEmpty)
    }

    @Test func buildsAServerReplyThatReadsBack() {
        let capabilities = EHLOCapabilities(
            domain: "mock.test",
            greeting: "Hello",
            capabilities: [Capability(keyword: "SIZE", parameters: ["1000"]), Capability(keyword: "PIPELINING")]
        )
        let reply = capabilities.reply()
        #expect(reply.encodedLines == ["250-mock.test Hello", "250-SIZE 1000", "250 PIPELINING"])
        #expect(EHLOCapabilities(reply: reply) == capabilities)
    }
}
