import SMTPCore
import Testing

/// SMTP's verbs, keywords and `FROM:` / `TO:` compare without case, ASCII letters only, octet by octet.
struct ASCIICaseTests {
    @Test func prefixesCompareASCIILettersWithoutCase() {
        #expect("from:<a@b>".hasPrefixIgnoringASCIICase("FROM:"))
        #expect("FrOm:".hasPrefixIgnoringASCIICase("FROM:"))
        #expect(!"FRO".hasPrefixIgnoringASCIICase("FROM:"))
        #expect(!"FROM;".hasPrefixIgnoringASCIICase("FROM:"))
        // Only a-z and A-Z fold: '@' (0x40) and '`' (0x60) differ by the same bit and stay apart.
        #expect(!"`".hasPrefixIgnoringASCIICase("@"))
        #expect(!"ﬁle".hasPrefixIgnoringASCIICase("FILE"))
        #expect("é:x".hasPrefixIgnoringASCIICase("é:"))
        #expect("ehlo".equalsIgnoringASCIICase("EHLO"))
        #expect(!"ehlo ".equalsIgnoringASCIICase("EHLO"))
    }

    @Test func verbsUpperCaseASCIILettersOnly() {
        #expect("mail".uppercasedVerb == "MAIL")
        #expect("QUIT".uppercasedVerb == "QUIT")
        #expect("x-Foo_1".uppercasedVerb == "X-FOO_1")
        #expect("straße".uppercasedVerb == "STRAßE")
        #expect("quıt".uppercasedVerb == "QUıT")
        #expect(("ehlo example"[..<"ehlo example".firstIndex(of: " ")!]).uppercasedVerb == "EHLO")
    }
}
