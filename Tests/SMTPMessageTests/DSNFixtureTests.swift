import SMTPCore
import SMTPMessage
import Testing

@Suite struct DSNFixtureTests {
    @Test func readsPostfixRelayedNotification() throws {
        let dsn = try DeliveryStatusNotification(parsing: try Fixture.bytes("postfix-relayed.eml"))
        #expect(dsn.headers["Subject"] == "Successful Mail Delivery Report")
        #expect(dsn.headers.values(named: "Received").count == 2)
        #expect(dsn.humanReadable.contains("successfully delivered"))
        #expect(dsn.perMessage.reportingMTA == DSNTypedValue(type: "dns", value: "mx.relay.example"))
        #expect(dsn.perMessage.originalEnvelopeID == "case-relayed-1")
        #expect(dsn.perMessage.arrivalDate == "Sun,  6 Dec 2026 23:14:04 +0000 (UTC)")
        #expect(dsn.perMessage.fields["X-Postfix-Queue-ID"] == "4Q9xLk0bQ2z1X")
        #expect(dsn.perMessage.dsnGateway == nil)
        #expect(dsn.recipients.count == 1)
        let recipient = try #require(dsn.recipients.first)
        #expect(recipient.action == .relayed)
        #expect(recipient.status == EnhancedStatusCode(klass: 2, subject: 0, detail: 0))
        #expect(recipient.finalRecipient.mailbox == Mailbox(parsing: "kate@relay.example"))
        #expect(recipient.originalRecipient == DSNOriginalRecipient(address: "kate@relay.example"))
        #expect(recipient.remoteMTA?.value == "sink.relay.example")
        #expect(recipient.diagnosticCode == DSNTypedValue(type: "smtp", value: "250 2.0.0 Ok: queued as 7F3A2"))
        #expect(try #require(EnhancedCodePattern("2.x.x")).matches(recipient.status))
        #expect(dsn.returnedContent?.contentType.mediaType == "text/rfc822-headers")
        #expect(dsn.returnedMessageID == MessageID(parsing: "<case-relayed-1.smtpspec@client.example>"))
    }

    @Test func readsPostfixFailedBounce() throws {
        let dsn = try DeliveryStatusNotification(parsing: try Fixture.bytes("postfix-failed.eml"))
        let recipient = try #require(dsn.recipients.first)
        #expect(recipient.action == .failed)
        #expect(recipient.status.description == "5.1.1")
        #expect(recipient.diagnosticCode?.type == "smtp")
        // Folded in the fixture; unfolded here.
        #expect(
            recipient.diagnosticCode?.value
                == "550 5.1.1 <nobody@relay.example>: Recipient address    rejected: User unknown in virtual mailbox table"
        )
        #expect(dsn.perMessage.originalEnvelopeID == nil)
        let returned = try #require(dsn.returnedContent)
        #expect(returned.headers.values(named: "received").count == 2)
        #expect(returned.body.isEmpty)
        // id-right compares without case.
        #expect(dsn.returnedMessageID == MessageID(parsing: "<case-failed-2.smtpspec@client.example>"))
    }

    @Test func readsPostfixDelayedNotice() throws {
        let dsn = try DeliveryStatusNotification(parsing: try Fixture.bytes("postfix-delayed.eml"))
        let recipient = try #require(dsn.recipients.first)
        #expect(recipient.action == .delayed)
        #expect(recipient.status.description == "4.4.1")
        #expect(recipient.remoteMTA == nil)
        #expect(recipient.diagnosticCode?.type == "x-postfix")
        #expect(recipient.willRetryUntil == "Fri, 11 Dec 2026 23:14:59 +0000 (UTC)")
        #expect(dsn.returnedMessageID == MessageID(parsing: "<case-delayed-3.smtpspec@client.example>"))
    }

    @Test func readsExchangeReportWithReturnedMessageAndCRLF() throws {
        let bytes = try Fixture.bytes("exchange-failed-crlf.eml")
        #expect(bytes.contains(13))
        let dsn = try DeliveryStatusNotification(parsing: bytes)
        #expect(dsn.humanReadable.hasPrefix("Delivery has failed to these recipients or groups:"))
        #expect(dsn.headers["X-MS-Exchange-Message-Is-Ndr"] == "")
        #expect(dsn.perMessage.reportingMTA.value == "EX01.corp.example")
        #expect(dsn.perMessage.receivedFromMTA == DSNTypedValue(type: "dns", value: "mx.relay.example"))
        #expect(dsn.recipients.map(\.action) == [.failed, .delivered])
        #expect(dsn.recipients.map(\.status.description) == ["5.1.10", "2.0.0"])
        // Field names in any case; address types lower-cased.
        #expect(dsn.recipients[1].finalRecipient == DSNTypedValue(type: "rfc822", value: "ops@corp.example"))
        #expect(
            dsn.recipients[0].diagnosticCode?.value
                == "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
        )
        #expect(dsn.recipients[0].fields["X-Display-Name"] == "Kate")
        let returned = try #require(dsn.returnedContent)
        #expect(returned.contentType.mediaType == "message/rfc822")
        #expect(String(decoding: returned.body, as: UTF8.self) == "hello\r\n")
        #expect(dsn.returnedMessageID == MessageID(parsing: "<case-exchange-4.smtpspec@client.example>"))
    }

    @Test(arguments: ["postfix-relayed.eml", "postfix-failed.eml", "postfix-delayed.eml"])
    func readsTheSameWithCRLF(name: String) throws {
        let lf = try Fixture.bytes(name)
        #expect(!lf.contains(13))
        let fromLF = try DeliveryStatusNotification(parsing: lf)
        let fromCRLF = try DeliveryStatusNotification(parsing: Fixture.crlf(lf))
        #expect(fromLF.perMessage.fields == fromCRLF.perMessage.fields)
        #expect(fromLF.recipients.map(\.fields) == fromCRLF.recipients.map(\.fields))
        #expect(fromLF.returnedContent?.headers == fromCRLF.returnedContent?.headers)
    }
}
