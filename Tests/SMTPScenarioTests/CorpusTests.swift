import Foundation
import SMTPScenario
import Testing

@Suite("Examples compile; the invalid corpus is rejected at the expected places")
struct CorpusTests {
    static let examples = RepositoryFiles.files(under: "Examples", suffix: ".smtp.yaml")
    static let invalid = RepositoryFiles.files(under: "Tests/Fixtures/invalid", suffix: ".smtp.yaml")
    /// The mock's built-in persona names, as the CLI gives them to the compiler: its bundled persona files.
    static let builtinPersonas = RepositoryFiles.files(under: "Sources/SMTPMock/Personas", suffix: ".persona.yaml")
        .map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".persona.yaml", with: "") }

    @Test("there are examples and invalid scenarios to check")
    func nonEmpty() {
        #expect(Self.examples.count >= 8)
        #expect(Self.invalid.count >= 10)
    }

    @Test("every example compiles without errors", arguments: examples)
    func example(path: String) {
        let result = ScenarioCompiler(options: CompileOptions(processEnvironment: [:])).compile(path: path)
        #expect(result.errors.isEmpty, "\(result.rendered())")
        #expect(result.scenario?.cases.isEmpty == false)
    }

    @Test("every example names its schema, and its persona in a comment and in 'persona:' alike", arguments: examples)
    func exampleHeader(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema="))
        let comment = text.split(separator: "\n").first { $0.hasPrefix("# persona: ") }
            .map { String($0.dropFirst("# persona: ".count)) }
        let scenario = ScenarioCompiler(options: CompileOptions(processEnvironment: [:])).compile(path: path).scenario
        #expect(comment != nil)
        #expect(scenario?.persona == comment)
    }

    @Test("every invalid scenario is rejected with each expected error at its line and column", arguments: invalid)
    func invalidScenario(path: String) throws {
        let expectedPath = String(path.dropLast(".smtp.yaml".count)) + ".expected"
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
            .split(separator: "\n")
            .map(String.init)
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(!expected.isEmpty)
        let options = CompileOptions(processEnvironment: [:], knownPersonas: Self.builtinPersonas)
        let result = ScenarioCompiler(options: options).compile(path: path)
        #expect(result.scenario == nil)
        for line in expected {
            guard let separator = line.range(of: " @ ", options: .backwards) else {
                Issue.record("malformed expectation line '\(line)' in \(expectedPath)")
                continue
            }
            let message = String(line[..<separator.lowerBound])
            let place = String(line[separator.upperBound...])
            let found = result.errors.contains { error in
                guard let location = error.location else { return false }
                return error.message.contains(message) && "\(location.line):\(location.column)" == place
            }
            #expect(found, "expected '\(message)' at \(place); got:\n\(result.rendered())")
        }
    }
}
