import Foundation
import SMTPYAML
import Testing

@testable import SMTPScenario

/// Checking a matrix before anything is sent: every case's problems are found, although cases that differ only
/// in axes nothing mentions are compiled once.
@Suite("Checking a matrix")
struct MatrixCheckTests {
    @Test("an axis counts when any string mentions it, in steps, vars or a default; never otherwise")
    func relevance() throws {
        let text = """
            vars:
              helper: "${b:-x}.example"
            matrix:
              a: [1, 2]
              b: [1, 2]
              c: [1, 2]
              ab: [1, 2]
            steps:
              - open: 127.0.0.1:1
              - ehlo: ${helper}
              - noop: "${a}"

            """
        #expect(compile(text).errors.isEmpty)
        let ast = try #require(readAST(text))
        let relevant = MatrixRelevance.relevantAxes(ast.matrix, ast: ast, environment: [])
        #expect(relevant == ["a", "b"])
        #expect(MatrixRelevance.mentions("x${ab}y", "ab"))
        #expect(!MatrixRelevance.mentions("x${ab}y", "a"))
        #expect(MatrixRelevance.mentions("${a:-z}", "a"))
    }

    @Test("a bad value of a mentioned axis is found whatever the other axes hold, and the cases are all there")
    func errorsFoundWithIrrelevantAxes() throws {
        let text = """
            matrix:
              run: [\((1...500).map(String.init).joined(separator: ", "))]
              recipient: [kate@fabrikam.com, "bad address@", pat@fabrikam.com]
            steps:
              - open: 127.0.0.1:1
              - mail-from: chris@contoso.com
              - rcpt: ${recipient}

            """
        let result = compile(text)
        #expect(result.errors.count == 2, "\(errorLines(result))")
        #expect(result.rendered().contains("local-part has \" \", which needs quoting"))
        let valid = text.replacingOccurrences(of: "\"bad address@\"", with: "sam@fabrikam.com")
        let scenario = try #require(compile(valid).scenario)
        #expect(scenario.caseCount == 1_500)
        var plans = scenario.plans.makeIterator()
        let next = plans.next()
        let first = try #require(next)
        #expect(first.name.hasSuffix("[run=1, recipient=kate@fabrikam.com]"))
        #expect(scenario.cases.last?.name.hasSuffix("[run=500, recipient=pat@fabrikam.com]") == true)
    }

    @Test("${case.id} grows with the case number: every case is compiled, and a later case's limit is found")
    func caseIDMakesEveryCaseCount() throws {
        // With the prefix "fixed", case n's id is "fixed-n": cases 0-9 make a 64-octet local part, case 10 one of 65.
        let local = String(repeating: "a", count: 57)
        let text = """
            matrix:
              run: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
            steps:
              - open: 127.0.0.1:1
              - mail-from: chris@contoso.com
              - rcpt: "\(local)${case.id}@example.com"

            """
        let result = compile(text)
        // Cases 10 and 11, each with its own address in the note; cases 0-9 are within the limit.
        #expect(result.errors.count == 2, "\(errorLines(result))")
        #expect(result.errors.allSatisfy { $0.message.hasPrefix("local-part is 65 octets") })
        #expect(result.scenario == nil)
        #expect(MatrixRelevance.mentionsCase("x${case.id}"))
        #expect(!MatrixRelevance.mentionsCase("x${cases}"))
    }

    @Test("the fingerprint names the file and every case: another value, order or file changes it")
    func fingerprint() throws {
        let text = "matrix:\n  run: [1, 2, 3]\nsteps:\n  - open: 127.0.0.1:1\n"
        let one = try #require(compile(text).scenario).fingerprint
        #expect(try #require(compile(text).scenario).fingerprint == one)
        #expect(try #require(compile(text, file: "other.smtp.yaml").scenario).fingerprint != one)
        let reordered = text.replacingOccurrences(of: "[1, 2, 3]", with: "[1, 3, 2]")
        #expect(try #require(compile(reordered).scenario).fingerprint != one)
        #expect(one.count == 16)
    }

    private func readAST(_ text: String) -> ScenarioAST? {
        let source = SourceFile(path: "test.smtp.yaml", text: text)
        guard let root = try? YAMLDocument.parse(source, limits: .standard) else { return nil }
        var reader = ScenarioReader()
        return reader.read(root, file: source.path)
    }
}
