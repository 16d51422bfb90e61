import SMTPCore
import Testing

@Suite struct EncodingTests {
    @Test(arguments: ["", "plain", "a+b=c", "space here", "ünïcode", "tab\there", "~!\"#", "+=+="])
    func xtextRoundTrips(text: String) throws {
        let encoded = XText.encode(text)
        #expect(encoded.utf8.allSatisfy { $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: "=") })
        #expect(XText.decode(encoded) == text)
    }

    @Test func linesSplitAtEveryKindOfLineEnd() {
        #expect("a\r\nb\nc\rd".linesAtAnyLineEnd == ["a", "b", "c", "d"])
        #expect("x\r\n".linesAtAnyLineEnd == ["x", ""])
        #expect("".linesAtAnyLineEnd == [""])
        #expect("\r\r\n\n".linesAtAnyLineEnd == ["", "", "", ""])
        #expect("ünï\r\ncode ✓".linesAtAnyLineEnd == ["ünï", "code ✓"])
        // The same lines as splitting on Characters, where CRLF is one.
        let text = "Subject: é\r\n\r\nbody\rmore\n.\r\n"
        let byCharacter = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        #expect(text.linesAtAnyLineEnd == byCharacter)
    }

    @Test func xtextUsesUpperCaseHex() {
        #expect(XText.encode("a+b") == "a+2Bb")
        #expect(XText.encode("x=y z") == "x+3Dy+20z")
        #expect(XText.decode("a+2bb") == "a+b")
        #expect(XText.decode("a+2") == nil)
        #expect(XText.decode("a+ZZ") == nil)
        #expect(XText.decode("a=b") == nil)
    }

    @Test(arguments: ["", "f", "fo", "foo", "foob", "fooba", "foobar"])
    func base64MatchesRFC4648Vectors(text: String) throws {
        let expected = [
            "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
            "foobar": "Zm9vYmFy",
        ][text]
        #expect(Base64.encode(text) == expected)
        #expect(Base64.decodeString(expected ?? "") == text)
    }

    @Test func base64RefusesGarbage() {
        #expect(Base64.decode("Zm9v!") == nil)
        #expect(Base64.decode("Z") == nil)
        #expect(Base64.decode("Zg=a") == nil)
        #expect(Base64.decode("Zg") == [UInt8(ascii: "f")])
    }

    @Test func saslPlainLoginAndXOAuth2() {
        #expect(SASL.plain(username: "tim", password: "tanstaaftanstaaf") == "AHRpbQB0YW5zdGFhZnRhbnN0YWFm")
        #expect(SASL.plain(authorizationIdentity: "a", username: "b", password: "c") == "YQBiAGM=")
        #expect(SASL.loginUsername("tim") == "dGlt")
        #expect(SASL.loginPassword("tanstaaftanstaaf") == "dGFuc3RhYWZ0YW5zdGFhZg==")
        #expect(
            SASL.xoauth2(username: "someuser@example.com", token: "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")
                == "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ=="
        )
        let decoded = SASL.decodePlain("YQBiAGM=")
        #expect(decoded?.authorizationIdentity == "a" && decoded?.username == "b" && decoded?.password == "c")
    }

    @Test func cramMD5MatchesRFC2195() {
        let response = SASL.cramMD5Response(
            challengeBase64: "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+",
            username: "tim",
            password: "tanstaaftanstaaf"
        )
        #expect(response == "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw")
        #expect(SASL.cramMD5Response(challengeBase64: "not base64!", username: "u", password: "p") == nil)
    }
}
