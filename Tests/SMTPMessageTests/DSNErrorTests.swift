import SMTPMessage
import Testing

@Suite struct DSNErrorTests {
    @Test func fixturesWithDefectsGiveTheirErrors() throws {
        let cases: [(String, DSNError)] = [
            ("malformed-no-boundary.eml", .mime(.missingBoundary)),
            ("malformed-unterminated.eml", .mime(.unterminatedMultipart)),
            ("malformed-missing-action.eml", .missingField(name: "Action", group: 1)),
            ("malformed-bad-status.eml", .invalidStatus(group: 1)),
        ]
        for (name, error) in cases {
            let bytes = try Fixture.bytes(name)
            #expect(throws: error, "\(name)") { try DeliveryStatusNotification(parsing: bytes) }
        }
    }

    static let report = """
        Content-Type: multipart/report; report-type=delivery-status; boundary=B

        --B

        human
        --B
        Content-Type: message/delivery-status

        %STATUS%
        --B--
        """

    private func dsn(_ status: String) throws -> DeliveryStatusNotification {
        try DeliveryStatusNotification(parsing: Self.report.replacing("%STATUS%", with: status))
    }

    @Test func readsAMinimalReport() throws {
        let parsed = try dsn(
            "\nReporting-MTA: dns; a.example\n\n\nFinal-Recipient: rfc822; k@a.example\nAction: FAILED (gave up)\n"
                + "Status: 5.0.0 (permanent failure)\n\n"
        )
        #expect(parsed.recipients.first?.action == .failed)
        #expect(parsed.recipients.first?.status.description == "5.0.0")
        #expect(parsed.returnedContent == nil)
        #expect(parsed.humanReadable == "human")
    }

    @Test func refusesWhatIsNotADSN() {
        #expect(throws: DSNError.notMultipartReport(mediaType: "text/plain")) {
            try DeliveryStatusNotification(parsing: "Subject: hi\n\nhello\n")
        }
        #expect(throws: DSNError.notDeliveryStatus(reportType: "disposition-notification")) {
            try DeliveryStatusNotification(
                parsing: "Content-Type: multipart/report; report-type=disposition-notification; boundary=B\n\n"
            )
        }
        #expect(throws: DSNError.missingDeliveryStatusPart) {
            try DeliveryStatusNotification(
                parsing: "Content-Type: multipart/report; report-type=delivery-status; boundary=B\n\n--B\n\nx\n--B--\n"
            )
        }
        #expect(throws: DSNError.message(.missingColon(line: 1))) {
            try DeliveryStatusNotification(parsing: "not a header\n\n")
        }
    }

    @Test func refusesMissingAndBadFields() {
        let recipient = "Final-Recipient: rfc822; k@a.example\nAction: failed\nStatus: 5.1.1\n"
        #expect(throws: DSNError.noRecipientFields) { try dsn("Reporting-MTA: dns; a.example\n") }
        #expect(throws: DSNError.missingField(name: "Reporting-MTA", group: 0)) { try dsn("\n\n" + recipient) }
        #expect(throws: DSNError.missingField(name: "Reporting-MTA", group: 0)) {
            try dsn("Arrival-Date: x\n\n" + recipient)
        }
        #expect(throws: DSNError.invalidTypedField(name: "Reporting-MTA", group: 0)) {
            try dsn("Reporting-MTA: a.example\n\n" + recipient)
        }
        #expect(throws: DSNError.invalidTypedField(name: "Final-Recipient", group: 1)) {
            try dsn("Reporting-MTA: dns; a\n\nFinal-Recipient: rfc 822; k@a\nAction: failed\nStatus: 5.1.1\n")
        }
        #expect(throws: DSNError.invalidAction(group: 2)) {
            try dsn(
                "Reporting-MTA: dns; a\n\n\(recipient)\nFinal-Recipient: rfc822; k@a\nAction: bounced\nStatus: 5.1.1\n"
            )
        }
        #expect(throws: DSNError.duplicateField(name: "Status", group: 1)) {
            try dsn("Reporting-MTA: dns; a\n\n\(recipient)Status: 5.1.2\n")
        }
        for status in ["5.1", "6.1.1", "5.1.1000", "5.1.1 extra", "", "2.0.0 (unclosed"] {
            #expect(throws: DSNError.invalidStatus(group: 1), "\(status)") {
                try dsn("Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; k@a\nAction: failed\nStatus: \(status)\n")
            }
        }
        #expect(throws: DSNError.deliveryStatus(.missingColon(line: 2))) {
            try dsn("Reporting-MTA: dns; a\nbroken line\n\n" + recipient)
        }
    }

    @Test func readsABase64DeliveryStatusPart() throws {
        // "Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; k@a\nAction: delivered\nStatus: 2.0.0\n"
        let encoded =
            "UmVwb3J0aW5nLU1UQTogZG5zOyBhCgpGaW5hbC1SZWNpcGllbnQ6IHJmYzgyMjsga0BhCkFjdGlvbjog\n"
            + "ZGVsaXZlcmVkClN0YXR1czogMi4wLjAK"
        let text = Self.report.replacing(
            "Content-Type: message/delivery-status\n",
            with: "Content-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n"
        ).replacing("%STATUS%", with: encoded)
        let parsed = try DeliveryStatusNotification(parsing: text)
        #expect(parsed.recipients.first?.action == .delivered)
    }

    @Test func errorsDescribeTheRule() {
        #expect(DSNError.invalidStatus(group: 1).description.contains("RFC 3464 §2.3.4"))
        #expect(DSNError.mime(.unterminatedMultipart).description.contains("close delimiter"))
    }
}
