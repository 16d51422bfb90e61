import Foundation
import SMTPCore
import Testing

@testable import SMTPMock

/// AUTH under abuse: RFC 4954 §4's 12,288-octet lines are accepted for AUTH and its responses only, and any error
/// ends the exchange, so the next line is a command again and never a credential.
@Suite struct AuthExchangeLimitTests {
    /// The postfix persona after STARTTLS and EHLO, ready for AUTH.
    static func ready() throws -> SessionDriver {
        var driver = try SessionDriver.builtin("postfix")
        _ = driver.start()
        driver.command("EHLO client.example")
        driver.command("STARTTLS")
        driver.session.tlsEstablished()
        driver.command("EHLO client.example")
        return driver
    }

    @Test func anOversizedResponseCancelsTheExchange() throws {
        var driver = try Self.ready()
        #expect(driver.command("AUTH LOGIN") == ["334 VXNlcm5hbWU6"])
        let huge = String(repeating: "A", count: SMTPLimits.authLine + 100)
        #expect(driver.command(huge) == ["500 5.5.2 Line too long"])
        // Before the fix NOOP was read as the user name and got 334 for the password.
        #expect(driver.command("NOOP") == ["250 2.0.0 Ok"])
        #expect(driver.session.authenticatedUsername == nil)
    }

    @Test func invalidBase64CancelsTheExchange() throws {
        var driver = try Self.ready()
        #expect(driver.command("AUTH LOGIN") == ["334 VXNlcm5hbWU6"])
        #expect(driver.command("not base64!")[0].hasPrefix("501 "))
        #expect(driver.command("NOOP") == ["250 2.0.0 Ok"])
    }

    @Test func aResponseOf12288OctetsIsReadAsAResponse() throws {
        var driver = try Self.ready()
        #expect(driver.command("AUTH LOGIN") == ["334 VXNlcm5hbWU6"])
        // 12,286 octets of base64 and CRLF: exactly RFC 4954's limit.
        let long = Data(repeating: UInt8(ascii: "k"), count: 9_213).base64EncodedString()
        #expect(long.utf8.count + 2 <= SMTPLimits.authLine)
        #expect(long.utf8.count + 2 > SMTPLimits.commandLine)
        #expect(driver.command(long) == ["334 UGFzc3dvcmQ6"])
        #expect(driver.command(Data("wrong".utf8).base64EncodedString())[0].hasPrefix("535 "))
        #expect(driver.command("NOOP") == ["250 2.0.0 Ok"])
    }

    @Test func anAuthCommandLineOver512OctetsIsAccepted() throws {
        var driver = try Self.ready()
        let initial = Data(("\u{0}kate\u{0}" + String(repeating: "p", count: 3_000)).utf8).base64EncodedString()
        let reply = driver.command("AUTH PLAIN " + initial)
        #expect(reply == ["535 5.7.8 Error: authentication failed: authentication failure"])
    }

    @Test func otherCommandLinesOver512OctetsAreStillRefused() throws {
        var driver = try Self.ready()
        let long = "NOOP " + String(repeating: "x", count: 600)
        #expect(driver.command(long) == ["500 5.5.2 Line too long"])
        let longer = "MAIL FROM:<" + String(repeating: "a", count: 20_000) + "@x.org>"
        #expect(driver.command(longer) == ["500 5.5.2 Line too long"])
        #expect(driver.command("NOOP") == ["250 2.0.0 Ok"])
    }
}
