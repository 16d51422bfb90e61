import Foundation
import SMTPYAML

/// The personas bundled with SMTPMock, as `Personas/<name>.persona.yaml` resources.
enum BuiltinPersonas {
    /// The names of the built-in personas.
    static let names = ["exchange", "exchange-auth", "greylisting", "postfix", "sink", "strict"]

    /// The source text of a built-in persona, or `nil` when there is none of that name.
    static func source(named name: String) -> SourceFile? {
        guard names.contains(name),
            let url = Bundle.module.url(
                forResource: "\(name).persona",
                withExtension: "yaml",
                subdirectory: "Personas"
            ),
            let data = try? Data(contentsOf: url),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        return SourceFile(path: "builtin:\(name).persona.yaml", text: text)
    }
}
