import SMTPYAML
import Testing

/// A diagnostic rendered with secrets masked: the quoted line shows `******`, the caret stays where it belongs, and
/// control characters in the message are escaped.
@Suite("Rendering diagnostics around secrets")
struct SecretCaretTests {
    private let source = SourceFile(
        path: "a.smtp.yaml",
        text: "steps:\n  - auth: {username: kate, password: hunter2-secret, mechanism: nope}\n"
    )

    private func rendered(column: Int, span: Int) -> [Substring] {
        let diagnostic = Diagnostic(
            message: "bad",
            location: source.location(line: 2, column: column),
            note: "here",
            span: span
        )
        return diagnostic.rendered(source: source, mask: SecretMask(["hunter2-secret"])).split(separator: "\n")
    }

    @Test("after a secret, the caret moves with the text")
    func caretAfterSecret() throws {
        let lines = rendered(column: 54, span: 9)  // `mechanism`
        #expect(lines[3] == "2 |   - auth: {username: kate, password: ******, mechanism: nope}")
        let caret = try #require(lines[4].firstIndex(of: "^"))
        let quoted = try #require(lines[3].range(of: "mechanism"))
        #expect(
            lines[3].distance(from: lines[3].startIndex, to: quoted.lowerBound)
                == lines[4].distance(from: lines[4].startIndex, to: caret)
        )
        #expect(lines[4].hasSuffix("^^^^^^^^^ here"))
    }

    @Test("a caret into a secret underlines the whole ******, not a position or a length")
    func caretIntoSecret() throws {
        for (column, span) in [(38, 1), (42, 3), (38, 14), (45, 40)] {
            let lines = rendered(column: column, span: span)
            let caret = try #require(lines[4].firstIndex(of: "^"))
            let mask = try #require(lines[3].range(of: "******"))
            #expect(
                lines[3].distance(from: lines[3].startIndex, to: mask.lowerBound)
                    == lines[4].distance(from: lines[4].startIndex, to: caret)
            )
            #expect(lines[4].hasSuffix("^^^^^^ here") || column + span > 52, "\(lines[4])")
            #expect(!lines.joined().contains("hunter2"))
        }
    }

    @Test("a caret before a secret is untouched")
    func caretBeforeSecret() {
        let lines = rendered(column: 22, span: 4)  // `kate`
        #expect(lines[4] == "  | " + String(repeating: " ", count: 21) + "^^^^ here")
    }

    @Test("control characters in the message and note are escaped; the one-line description too")
    func escaping() {
        let diagnostic = Diagnostic(message: "unknown key 'a\r\nb\0'", location: nil, note: "x\u{1B}[2J")
        #expect(diagnostic.rendered(source: nil) == "error: unknown key 'a\\r\\nb\\0'\n  = note: x\\u{1B}[2J\n")
        #expect(diagnostic.description == "error: unknown key 'a\\r\\nb\\0'")
    }
}
