import SMTPCore
import SMTPDiagnosis
import SMTPRunner
import SMTPScenario
import Testing

/// The small languages of the catalogue: reply codes and classes, enhanced code patterns, steps.
@Suite("Patterns and steps")
struct PatternTests {
    @Test(
        "Reply codes and classes",
        arguments: [
            ("550", "550"), ("5xx", "5xx"), ("5XX", "5xx"), ("250", "250"), ("559", "559"),
        ]
    )
    func replyCodes(text: String, shown: String) {
        #expect(ReplyCodePattern(text)?.description == shown)
    }

    @Test("Not reply codes", arguments: ["650", "160", "5600", "56", "5x0", "x50", "", "5 0", "570", "٥٥٠"])
    func notReplyCodes(text: String) {
        #expect(ReplyCodePattern(text) == nil)
    }

    @Test(
        "Enhanced code patterns",
        arguments: [
            ("5.1.1", "5.1.1"), ("X.1.1", "X.1.1"), ("x.7.x", "X.7.x"), ("5.7.606-649", "5.7.606-649"),
            ("4.7.x", "4.7.x"),
            ("2.0.0", "2.0.0"),
        ]
    )
    func enhancedPatterns(text: String, shown: String) {
        #expect(EnhancedCodePattern(text)?.description == shown)
    }

    @Test(
        "Not enhanced code patterns",
        arguments: [
            "3.1.1", "5.1", "5.1.1.1", "5.x.1", "5.7.649-606", "5.7.1000", "55.1.1", "5..1", "a.b.c", "5.7.6-",
        ]
    )
    func notEnhancedPatterns(text: String) {
        #expect(EnhancedCodePattern(text) == nil)
    }

    @Test(
        "Step keywords read back to the step; scenario verbs that are not commands have no step",
        arguments: [
            ("open", DiagnosisStep.open), ("ehlo", .ehlo), ("mail-from", .mailFrom), ("rcpt", .rcpt), ("data", .data),
            ("end-of-data", .endOfData), ("QUIT", .quit), ("bdat", .bdat), ("any", .any),
        ]
    )
    func steps(keyword: String, step: DiagnosisStep) {
        #expect(DiagnosisStep(rawValue: keyword) == step)
        #expect(step.keyword == keyword.lowercased())
    }

    @Test("Every scenario verb that is an SMTP command has its catalogue step; the others are 'any'")
    func verbsToSteps() {
        for verb in Verb.allCases {
            let step = DiagnosisStep(command: verb.commandKind, role: .command)
            if verb.commandKind == nil {
                #expect(step == .any, "\(verb)")
            } else {
                #expect(step.keyword == verb.keyword, "\(verb)")
            }
        }
        #expect(DiagnosisStep(rawValue: "send") == nil)
    }

    @Test("Text patterns are case-insensitive regular expressions")
    func textPatterns() throws {
        let pattern = try #require(ReplyTextPattern("relay (access )?denied"))
        #expect(pattern.matches("5.7.1 <a@b>: Relay access denied"))
        #expect(!pattern.matches("5.7.1 not allowed"))
        #expect(ReplyTextPattern("([") == nil)
    }

    @Test("A data step's reply after the message is the end-of-data reply")
    func dataPhases() {
        #expect(DiagnosisStep(command: .data, role: .endOfData) == .endOfData)
        #expect(DiagnosisStep(command: .data, role: .dataCommand) == .data)
        #expect(DiagnosisStep(command: .rcpt, role: .command) == .rcpt)
        #expect(DiagnosisStep(command: .bdat(last: true), role: .endOfData) == .bdat)
        #expect(DiagnosisStep(command: nil, role: .command) == .any)
    }
}
