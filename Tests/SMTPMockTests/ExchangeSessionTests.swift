import Foundation
import SMTPCore
import Testing

@testable import SMTPMock

/// The `exchange` persona against the seed's walkthrough, driven without any network.
@Suite struct ExchangeSessionTests {
    @Test func replaysTheSeedSessionReplyForReply() throws {
        var driver = try SessionDriver.builtin("exchange")
        let banner = try #require(driver.start().first)
        #expect(banner.hasPrefix("220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at "))
        let date = banner.dropFirst("220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at ".count)
        #expect(
            date.range(
                of: #"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"#,
                options: .regularExpression
            ) != nil
        )
        #expect(
            driver.command("EHLO contoso.com") == [
                "250-mail1.fabrikam.com Hello [172.16.0.5]", "250-SIZE 37748736", "250-PIPELINING", "250-DSN",
                "250-ENHANCEDSTATUSCODES", "250-STARTTLS", "250-X-ANONYMOUSTLS", "250-AUTH NTLM",
                "250-X-EXPS GSSAPI NTLM", "250-8BITMIME", "250-BINARYMIME", "250-CHUNKING", "250 XRDST",
            ]
        )
        #expect(driver.command("MAIL FROM: <chris@contoso.com>") == ["250 2.1.0 Sender OK"])
        #expect(driver.command("RCPT TO: <kate@fabrikam.com> NOTIFY=success,failure") == ["250 2.1.5 Recipient OK"])
        #expect(driver.command("DATA") == ["354 Start mail input; end with <CRLF>.<CRLF>"])
        let queued = driver.send("Subject: test\r\n \r\nThis is a test message.\r\n.\r\n")
        #expect(queued.count == 1)
        let pattern =
            #"^250 2\.6\.0 <[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@mail1\.fabrikam\.com> "#
            + #"\[InternalId=\d+, Hostname=mail1\.fabrikam\.com\] Queued mail for delivery$"#
        #expect(queued.first?.range(of: pattern, options: .regularExpression) != nil, "\(queued)")
        #expect(driver.command("QUIT") == ["221 2.0.0 Service closing transmission channel"])
        #expect(driver.sawClose)
        let message = try #require(driver.delivered.first)
        #expect(message.reversePath == "chris@contoso.com")
        #expect(message.forwardPaths == ["kate@fabrikam.com"])
        #expect(message.recipients.first?.parameters == ["NOTIFY=success,failure"])
        #expect(message.text == "Subject: test\r\n \r\nThis is a test message.\r\n")
    }

    @Test func badEHLODomainGets501() throws {
        var driver = try SessionDriver.builtin("exchange")
        _ = driver.start()
        #expect(driver.command("EHLO contoso_com!") == ["501 5.5.4 Invalid domain name"])
        #expect(driver.command("EHLO contoso.com").first == "250-mail1.fabrikam.com Hello [172.16.0.5]")
    }

    @Test func malformedSenderGets550InvalidAddress() throws {
        var driver = try SessionDriver.builtin("exchange")
        _ = driver.start()
        driver.command("EHLO contoso.com")
        #expect(driver.command("MAIL FROM:<chris@@contoso.com>") == ["550 5.1.7 Invalid address"])
        #expect(driver.command("MAIL FROM:<chris@contoso.com>") == ["250 2.1.0 Sender OK"])
    }

    @Test func unknownMailboxGets550UserUnknown() throws {
        var driver = try SessionDriver.builtin("exchange")
        _ = driver.start()
        driver.command("EHLO contoso.com")
        driver.command("MAIL FROM:<chris@contoso.com>")
        #expect(driver.command("RCPT TO:<nobody@fabrikam.com>") == ["550 5.1.1 User unknown"])
        #expect(driver.command("RCPT TO:<Kate@Fabrikam.com>") == ["250 2.1.5 Recipient OK"])
    }

    @Test func unrecognizedCommandGets500() throws {
        var driver = try SessionDriver.builtin("exchange")
        _ = driver.start()
        #expect(driver.command("HELLO contoso.com") == ["500 5.3.3 Unrecognized command"])
    }

    @Test func exchangeAuthRefusesAnonymousMail() throws {
        var driver = try SessionDriver.builtin("exchange-auth")
        _ = driver.start()
        driver.command("EHLO contoso.com")
        #expect(driver.command("MAIL FROM:<chris@contoso.com>") == ["530 5.7.1 Client was not authenticated"])
    }

    @Test func senderOutsideTheAcceptedDomainsIsRefused() throws {
        var driver = try SessionDriver.builtin("exchange")
        _ = driver.start()
        driver.command("EHLO contoso.com")
        #expect(driver.command("MAIL FROM:<eve@example.org>") == ["550 5.7.1 Sender domain not accepted"])
    }
}
