import SMTPYAML
import Testing

@Suite("The YAML node reader keeps every position")
struct YAMLReaderTests {
    private func parse(_ text: String) throws -> YAMLNode {
        try #require(try YAMLDocument.parse(SourceFile(path: "t.yaml", text: text)))
    }

    @Test("nodes carry 1-based lines and columns")
    func locations() throws {
        let root = try parse("name: x\nsteps:\n  - ehlo: a.example\n  - quit\n")
        let entries = try #require(root.entries)
        #expect(entries.map(\.key) == ["name", "steps"])
        #expect(entries[1].keyLocation == SourceLocation(file: "t.yaml", line: 2, column: 1))
        let steps = try #require(entries[1].value.items)
        #expect(steps[0].location.line == 3 && steps[0].location.column == 5)
        #expect(steps[0].entries?.first?.value.location.column == 11)
        #expect(steps[1].scalar == "quit")
    }

    @Test("scalars stay text; empty, ~ and null are null; quoted text never is")
    func scalars() throws {
        let root = try parse("a: no\nb: 010\nc:\nd: ~\ne: 'null'\nf: \"\"\n")
        #expect(root["a"]?.scalar == "no")
        #expect(root["b"]?.scalar == "010")
        #expect(root["c"]?.isNull == true)
        #expect(root["d"]?.isNull == true)
        #expect(root["e"]?.scalar == "null")
        #expect(root["f"]?.scalar == "")
    }

    @Test("a duplicate key is an error at the repeat")
    func duplicate() {
        #expect(throws: Diagnostic.self) { try parse("a: 1\nb: 2\na: 3\n") }
        do {
            _ = try parse("a: 1\nb: 2\na: 3\n")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message == "duplicate key 'a'")
            #expect(diagnostic.location == SourceLocation(file: "t.yaml", line: 3, column: 1))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a syntax error is placed where libyaml stopped")
    func syntaxError() {
        do {
            _ = try parse("steps:\n  - ehlo: [a\n")
            Issue.record("parsed")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message.hasPrefix("invalid YAML"))
            #expect(diagnostic.location?.line == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("unknown keys get a suggestion")
    func unknownKeys() throws {
        let root = try parse("nmae: x\nsteps: []\n")
        var diagnostics: [Diagnostic] = []
        let reader = MappingReader(
            root,
            what: "the scenario",
            allowedKeys: ["name", "steps"],
            diagnostics: &diagnostics
        )
        #expect(reader != nil)
        #expect(diagnostics.map(\.message) == ["unknown key 'nmae' in the scenario"])
        #expect(diagnostics.first?.note == "did you mean 'name'?")
        #expect(diagnostics.first?.location == SourceLocation(file: "t.yaml", line: 1, column: 1))
    }

    @Test("suggestions are only offered for plausible typos")
    func suggestions() {
        #expect(Suggestion.closest(to: "rcpt-to", among: ["rcpt", "data", "quit"]) == "rcpt")
        #expect(Suggestion.closest(to: "EHLO", among: ["ehlo", "helo"]) == "ehlo")
        #expect(Suggestion.closest(to: "completely-different", among: ["rcpt", "data"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test("a diagnostic without a source line still shows its location and note")
    func renderingWithoutSource() {
        let diagnostic = Diagnostic(
            message: "m",
            location: SourceLocation(file: "f", line: 9, column: 2),
            note: "n"
        )
        #expect(diagnostic.rendered(source: nil) == "error: m\n --> f:9:2\n  = note: n\n")
    }
}
