import SMTPReport
import Testing

/// A case printed while the run goes on is masked and explained like one in a finished report.
@Suite struct StreamedCaseTests {
    @Test func aCaseReportedAsItArrivesIsMaskedAndExplained() throws {
        let reported = ReportedCase(
            result: SecretRedactionTests.leaky,
            catalogue: try SampleResults.catalogue(),
            secrets: [SecretRedactionTests.password, SecretRedactionTests.envValue]
        )
        let text = ConsoleReporter().caseLine(reported.result, explanation: reported.explanation)
        #expect(text.contains("FAIL inbound.smtp.yaml:20:5  auth PLAIN ******"))
        #expect(!text.contains(SecretRedactionTests.password))
        #expect(!text.contains(SecretRedactionTests.envValue))
    }
}
