import SMTPCore
import SMTPMessage
import Testing

/// DSNs the test Postfix (Tests/Peers/postfix) really produced, saved byte for byte (CRLF line ends) from the
/// maildir of a capture (`smtpspec mock --persona PeerExamples/relay-capture.persona.yaml --listen
/// 127.0.0.1:2526 --maildir ...`) after mail from chris@relay.example was sent through 127.0.0.1:2525 with
/// `ENVID=... RET=HDRS` and `NOTIFY=SUCCESS,FAILURE`.
@Suite struct DSNRealPostfixTests {
    @Test("the relayed notice Postfix sends when the capture (no DSN offered) accepted the message")
    func readsRealRelayedNotice() throws {
        let bytes = try Fixture.bytes("postfix-relayed-real.eml")
        #expect(bytes.contains(13))
        let dsn = try DeliveryStatusNotification(parsing: bytes)
        #expect(dsn.headers["Subject"] == "Successful Mail Delivery Report")
        #expect(dsn.headers["To"] == "chris@relay.example")
        #expect(dsn.perMessage.reportingMTA == DSNTypedValue(type: "dns", value: "mail.smtpspec.test"))
        #expect(dsn.perMessage.originalEnvelopeID == "env-relayed-real")
        #expect(dsn.recipients.count == 1)
        let recipient = try #require(dsn.recipients.first)
        #expect(recipient.action == .relayed)
        #expect(recipient.status == EnhancedStatusCode(klass: 2, subject: 0, detail: 0))
        #expect(recipient.finalRecipient.mailbox == Mailbox(parsing: "kate@relay.example"))
        #expect(recipient.originalRecipient == DSNOriginalRecipient(address: "kate@relay.example"))
        #expect(recipient.remoteMTA?.value == "127.0.0.1")
        #expect(recipient.diagnosticCode?.type == "smtp")
        #expect(recipient.diagnosticCode?.value.hasPrefix("250 2.0.0 Ok: queued as ") == true)
        #expect(dsn.returnedContent?.contentType.mediaType == "text/rfc822-headers")
        #expect(dsn.returnedMessageID == MessageID(parsing: "<case-relayed-real@client.example>"))
    }

    @Test("the failed bounce Postfix sends when the capture refused the recipient with 550 5.1.1")
    func readsRealFailedBounce() throws {
        let dsn = try DeliveryStatusNotification(parsing: try Fixture.bytes("postfix-failed-real.eml"))
        #expect(dsn.headers["Subject"] == "Undelivered Mail Returned to Sender")
        #expect(dsn.humanReadable.contains("could not\r\nbe delivered") || dsn.humanReadable.contains("could not"))
        #expect(dsn.perMessage.originalEnvelopeID == "env-failed-real")
        #expect(dsn.recipients.count == 1)
        let recipient = try #require(dsn.recipients.first)
        #expect(recipient.action == .failed)
        #expect(recipient.status.description == "5.1.1")
        #expect(try #require(EnhancedCodePattern("5.1.x")).matches(recipient.status))
        #expect(recipient.finalRecipient.mailbox == Mailbox(parsing: "nobody@relay.example"))
        #expect(recipient.remoteMTA?.value == "127.0.0.1")
        // Folded over two lines in the report; unfolded here.
        #expect(
            recipient.diagnosticCode?.value.hasPrefix("550 5.1.1 <nobody@relay.example>: Recipient address") == true
        )
        #expect(recipient.diagnosticCode?.value.hasSuffix("User unknown in virtual mailbox table") == true)
        let returned = try #require(dsn.returnedContent)
        #expect(returned.contentType.mediaType == "text/rfc822-headers")
        #expect(returned.headers["Subject"] == "flow case-failed-real")
        #expect(dsn.returnedMessageID == MessageID(parsing: "<case-failed-real@client.example>"))
    }
}
