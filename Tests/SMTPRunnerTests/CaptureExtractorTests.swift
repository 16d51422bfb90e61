import SMTPCore
import SMTPRunner
import SMTPScenario
import Testing

/// Captures take the first group, or the whole match without a group.
@Suite("Captures")
struct CaptureExtractorTests {
    private let queued = Reply(250, "2.0.0 Ok: queued as C99CCF8A176")
    private let location = SourceLocation(file: "t.smtp.yaml", line: 1, column: 1)

    @Test("the first group is captured")
    func firstGroup() {
        let captured = CaptureExtractor.capture(
            [Capture(name: "queue_id", pattern: "queued as ([0-9A-F]+)", location: location)],
            from: queued
        )
        #expect(captured.values == ["queue_id": "C99CCF8A176"])
        #expect(captured.problems.isEmpty)
    }

    @Test("without a group the whole match is captured")
    func wholeMatch() {
        let captured = CaptureExtractor.capture(
            [Capture(name: "code", pattern: "[0-9]\\.[0-9]\\.[0-9]", location: location)],
            from: queued
        )
        #expect(captured.values == ["code": "2.0.0"])
    }

    @Test("a pattern that does not match is a problem, not an empty value")
    func noMatch() {
        let captured = CaptureExtractor.capture(
            [Capture(name: "id", pattern: "<([^>]+)>", location: location)],
            from: queued
        )
        #expect(captured.values.isEmpty)
        #expect(captured.problems == ["capture 'id': /<([^>]+)>/ does not match the reply text"])
    }
}
