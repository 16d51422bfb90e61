import SMTPCore
import Testing

@Suite struct AddressSyntaxTests {
    static func local(_ count: Int) -> String { String(repeating: "a", count: count) }

    /// A domain of exactly `octets` octets made of labels of at most 63.
    static func domain(_ octets: Int) -> String {
        var labels: [String] = []
        var remaining = octets
        while remaining > 0 {
            let length = remaining <= 63 ? remaining : min(63, remaining - 2)
            labels.append(String(repeating: "d", count: length))
            remaining -= length + 1
        }
        return labels.joined(separator: ".")
    }

    @Test func valid() {
        for address in [
            "kate@fabrikam.com", "first.last+tag@sub.example.org", "\"john smith\"@example.com",
            "\"a\\\"b\"@example.com", "user@[192.0.2.1]", "user@[IPv6:2001:db8::1]", "user@[IPv6:::ffff:192.0.2.1]",
            "x@a-b.c", "!#$%&'*+-/=?^_`{|}~@example.com",
        ] {
            #expect(AddressSyntax.validateMailbox(address).isEmpty, "\(address)")
            #expect(Mailbox(parsing: address)?.description == address)
        }
    }

    @Test func localPartLimitAt64And65() {
        #expect(AddressSyntax.validateMailbox(Self.local(64) + "@example.com").isEmpty)
        let problems = AddressSyntax.validateMailbox(Self.local(65) + "@example.com")
        #expect(problems == [.localPartTooLong(octets: 65)])
        #expect(problems.first?.message == "local-part is 65 octets; RFC 5321 §4.5.3.1.1 allows 64")
        #expect(Mailbox(parsing: Self.local(65) + "@example.com") != nil)
    }

    @Test func domainLimitAt255And256() {
        #expect(Self.domain(255).utf8.count == 255)
        #expect(Self.domain(256).utf8.count == 256)
        #expect(AddressSyntax.validateDomain(Self.domain(255)).isEmpty)
        #expect(AddressSyntax.validateDomain(Self.domain(256)) == [.domainTooLong(octets: 256)])
        #expect(AddressSyntax.validateDomain(String(repeating: "l", count: 63) + ".com").isEmpty)
        #expect(
            AddressSyntax.validateDomain(String(repeating: "l", count: 64) + ".com")
                == [.labelTooLong(label: String(repeating: "l", count: 64), octets: 64)]
        )
    }

    @Test func pathLimitIncludesTheAngleBrackets() {
        // local 64 + "@" + domain 189 = 254 octets; with <> that is 256.
        let fits = Self.local(64) + "@" + Self.domain(189)
        #expect(AddressSyntax.validateMailbox(fits).isEmpty)
        let over = Self.local(64) + "@" + Self.domain(190)
        #expect(AddressSyntax.validateMailbox(over) == [.pathTooLong(octets: 257)])
    }

    @Test(arguments: [
        "", "nobody", "@example.com", "kate@", "a b@example.com", ".a@example.com", "a.@example.com",
        "a..b@example.com",
        "a@-x.com", "a@x-.com", "a@x..com", "a@x.com.", "a@under_score.com", "a@[192.0.2.256]", "a@[IPv6:1::2::3]",
        "a@[192.0.2.1", "\"unterminated@example.com", "a\r\nb@example.com", "a@1.2.3.4",
    ])
    func invalid(address: String) {
        let problems = AddressSyntax.validateMailbox(address)
        #expect(!problems.isEmpty, "\(address)")
        #expect(Mailbox(parsing: address) == nil, "\(address)")
        #expect(problems.allSatisfy { !$0.message.isEmpty })
    }

    @Test func utf8OnlyWithSMTPUTF8() {
        #expect(
            AddressSyntax.validateMailbox("jörg@bücher.example") == [
                .nonASCIIWithoutSMTPUTF8(part: "local-part"), .nonASCIIWithoutSMTPUTF8(part: "domain"),
            ]
        )
        #expect(AddressSyntax.validateMailbox("jörg@bücher.example", allowUTF8: true).isEmpty)
        #expect(Mailbox(parsing: "jörg@bücher.example")?.needsSMTPUTF8 == true)
    }

    @Test("two dots in a row are refused even when a combining mark follows the second (they are two scalars)")
    func doubledDotBeforeACombiningMark() {
        // "..\u{301}" is one dot and one accented dot as characters, but RFC 5321's dot-string is made of octets.
        #expect(
            AddressSyntax.validateMailbox("a..\u{301}b@example.com", allowUTF8: true) == [
                .invalidLocalPart(reason: "has two dots in a row")
            ]
        )
        #expect(AddressSyntax.validateMailbox("a.\u{301}b@example.com", allowUTF8: true).isEmpty)
    }

    @Test func ehloArgumentsMayBeAddressLiterals() {
        #expect(AddressSyntax.validateDomain("[192.0.2.1]").isEmpty)
        #expect(!AddressSyntax.validateDomain("[192.0.2.1]", allowAddressLiteral: false).isEmpty)
        #expect(AddressSyntax.validateDomain("1.2.3.4") == [.unbracketedAddressLiteral("1.2.3.4")])
        #expect(AddressSyntax.validateDomain("[x-tag:content]").isEmpty)
    }

    @Test func pathsForScenarios() {
        #expect(ReversePath(address: "") == .null)
        #expect(ReversePath(address: "<>") == .null)
        #expect(ReversePath(address: "<chris@contoso.com>")?.description == "<chris@contoso.com>")
        #expect(ForwardPath(address: "postmaster") == .postmaster)
        #expect(ForwardPath(address: "") == nil)
        #expect(ForwardPath(address: "kate@fabrikam.com")?.mailbox?.domain == "fabrikam.com")
    }
}
