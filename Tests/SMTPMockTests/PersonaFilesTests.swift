import Foundation
import SMTPYAML
import Testing

@testable import SMTPMock

/// The example personas and the JSON Schema agree with the reader.
@Suite struct PersonaFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var examples: [String] {
        let folder = root.appendingPathComponent("Examples/personas").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".persona.yaml") }.sorted().map { folder + "/" + $0 }
    }

    @Test func thereAreExamplePersonas() {
        #expect(Self.examples.count >= 3)
    }

    @Test(arguments: examples)
    func examplePersonaLoadsAndNamesTheSchema(path: String) throws {
        let source = try SourceFile.read(path: path)
        #expect(source.lines.first == "# yaml-language-server: $schema=../../Grammar/persona.schema.json")
        #expect(Persona.diagnose(source).isEmpty)
        _ = try Persona.load(path: path)
    }

    @Test func schemaNamesEveryKeyTheReaderKnows() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Grammar/persona.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(PersonaReader.topKeys))
        let replies = try #require((properties["replies"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(replies.keys) == Set(PersonaReplyName.allCases.map(\.rawValue)))
        let rules = try #require(properties["rules"] as? [String: Any])
        let rule = try #require((rules["items"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(rule.keys) == Set(PersonaReader.ruleKeys))
    }
}
