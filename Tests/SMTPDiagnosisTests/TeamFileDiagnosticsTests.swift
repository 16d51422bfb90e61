import SMTPDiagnosis
import Testing

/// A malformed reasons file gives Hurl-style diagnostics at the exact line and column, and is never half used.
@Suite("Reasons file diagnostics")
struct TeamFileDiagnosticsTests {
    func diagnostics(_ yaml: String) -> [(line: Int, column: Int, message: String, note: String?)] {
        do {
            _ = try ReasonsCatalogue.parse(yaml: yaml, path: "team.yaml", origin: .team(path: "team.yaml"))
            return []
        } catch {
            return error.diagnostics.map {
                (line: $0.location?.line ?? 0, column: $0.location?.column ?? 0, message: $0.message, note: $0.note)
            }
        }
    }

    @Test("An unknown key is reported at the key, with a suggestion")
    func unknownKey() throws {
        let found = diagnostics(
            """
            entries:
              - step: rcpt
                code: 550
                reason: [missing s]
            """
        )
        let unknown = try #require(found.first { $0.message.contains("unknown key 'reason'") })
        #expect((unknown.line, unknown.column) == (4, 5))
        #expect(unknown.note == "did you mean 'reasons'?")
        #expect(found.contains { $0.message.contains("missing the required key 'reasons'") && $0.line == 2 })
    }

    @Test("An unknown step is reported at the word, with a suggestion")
    func unknownStep() throws {
        let found = diagnostics(
            """
            entries:
              - step: [ehlo, rcpt-to]
                code: 550
                reasons: [x]
            """
        )
        let step = try #require(found.first)
        #expect((step.line, step.column, step.message) == (2, 18, "unknown step 'rcpt-to'"))
        #expect(step.note == "did you mean 'rcpt'?")
    }

    @Test("A bad code, enhanced pattern and regular expression are each reported where they are written")
    func badPatterns() {
        let found = diagnostics(
            """
            entries:
              - code: 650
                reasons: [x]
              - enhanced: 5.1
                reasons: [x]
              - text: "unclosed ("
                reasons: [x]
              - failure: refusd
                reasons: [x]
            """
        )
        #expect(found.map(\.line) == [2, 4, 6, 8])
        #expect(found.map(\.column) == [11, 15, 11, 14])
        #expect(found[0].message == "'650' is not a reply code or class")
        #expect(found[1].message == "'5.1' is not an enhanced status code pattern")
        #expect(found[2].message == "'unclosed (' is not a valid regular expression")
        #expect(found[3].note == "did you mean 'refused'?")
    }

    @Test("An entry without a pattern, or with both a failure and a reply pattern, is an error")
    func patternRules() {
        let found = diagnostics(
            """
            entries:
              - step: rcpt
                reasons: [x]
              - step: open
                failure: refused
                code: 421
                reasons: [x]
            """
        )
        #expect(found.count == 2)
        #expect((found[0].line, found[0].column) == (2, 5))
        #expect(found[0].message == "a reason entry needs a pattern")
        #expect((found[1].line, found[1].column) == (5, 5))
    }

    @Test("A duplicated id is reported at its second use; empty reasons are refused")
    func duplicateIDAndEmptyReasons() {
        let found = diagnostics(
            """
            entries:
              - {id: mine, code: 550, reasons: [a]}
              - {id: mine, code: 551, reasons: [b]}
              - {id: other, code: 552, reasons: []}
            """
        )
        #expect(found.count == 2)
        #expect((found[0].line, found[0].column) == (3, 10))
        #expect(found[0].message == "entry id 'mine' is used twice")
        #expect((found[1].line, found[1].column) == (4, 37))
    }

    @Test("YAML syntax errors and wrong shapes carry positions")
    func syntaxAndShape() {
        let syntax = diagnostics("entries:\n  - code: 550\n   reasons: [x]\n")
        #expect(syntax.count == 1)
        #expect(syntax.first?.line == 3)
        let shape = diagnostics("entries: 42\n")
        #expect(shape.map(\.message) == ["'entries' must be a list, not a string"])
        #expect(shape.map(\.line) == [1])
        #expect(shape.map(\.column) == [10])
    }

    @Test("The rendered error quotes the line with a caret under the column")
    func rendering() {
        do {
            _ = try ReasonsCatalogue.parse(
                yaml: "entries:\n  - step: rcpt-to\n    code: 550\n    reasons: [x]\n",
                path: "team.yaml",
                origin: .team(path: "team.yaml")
            )
            Issue.record("the file should not parse")
        } catch {
            #expect(
                error.rendered == """
                    error: unknown step 'rcpt-to'
                     --> team.yaml:2:11
                      |
                    2 |   - step: rcpt-to
                      |           ^^^^^^^ did you mean 'rcpt'?
                      |

                    """
            )
        }
    }

    @Test("A missing team file is an error naming it")
    func missingFile() {
        #expect(throws: ReasonsCatalogueError.self) {
            try ReasonsCatalogue.load(reasonsFile: "/nonexistent/reasons.yaml")
        }
    }

    @Test("An empty team file adds nothing")
    func emptyFile() throws {
        let team = try ReasonsCatalogue.parse(yaml: "", path: "team.yaml", origin: .team(path: "team.yaml"))
        #expect(team.entries.isEmpty)
    }
}
