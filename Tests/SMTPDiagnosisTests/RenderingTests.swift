import SMTPDiagnosis
import Testing

/// The text `smtpspec explain` prints.
@Suite("Rendered explanations")
struct RenderingTests {
    @Test("550 5.1.1 at rcpt: the code's meaning, the enhanced code's class/subject/detail, the seed's reason first")
    func rcptUserUnknown() throws {
        let text = try ReasonsCatalogue.bundled().explain(step: .rcpt, code: 550, enhanced: "5.1.1").renderedText()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("reply       550  Requested action not taken, mailbox unavailable") == true)
        #expect(lines.contains("enhanced    5.1.1  permanent failure; addressing status; bad destination mailbox"))
        #expect(lines.contains("step        rcpt (RCPT TO)"))
        let reasons = try #require(lines.firstIndex(of: "possible reasons"))
        #expect(lines[reasons + 1] == "  - The specified recipient doesn't exist.")
        #expect(lines.contains { $0.hasPrefix("  - seed-rcpt-550-user-unknown  rcpt 550 5.1.1") })
    }

    @Test("A refused connection at open prints the failure's meaning and the seed's five reasons")
    func refused() throws {
        let text = try ReasonsCatalogue.bundled().explain(step: .open, transportFailure: .refused)
            .renderedText(showMatches: false)
        #expect(text.hasPrefix("failure     refused at open\n"))
        #expect(
            text.contains(
                "  - The destination SMTP service is unavailable.\n  - Restrictions on the destination firewall."
            )
        )
        #expect(text.contains("  - Incorrect port number.\n"))
        #expect(!text.contains("matched entries"))
    }

    @Test("A reply the catalogue has no reasons for says so")
    func noReasons() {
        let text = ReasonsCatalogue().explain(step: .rcpt, code: 250).renderedText()
        #expect(text.contains("possible reasons: none in the catalogue for this step and reply"))
        #expect(text.contains("reply       250  not in the catalogue"))
    }
}
