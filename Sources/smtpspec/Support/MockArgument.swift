import Foundation
import SMTPMock
import SMTPYAML

/// `--mock [PERSONA]` takes an optional value, which swift-argument-parser cannot express: a bare
/// `--mock` becomes `--mock=@scenario` (each scenario's own `persona:`, else exchange), and `--mock NAME` keeps
/// NAME only when it is a persona (a built-in name or a `*.persona.yaml` file), so `run --mock Examples`
/// still reads Examples as a path. A word close to a built-in name that is no path (`--mock exchnage`) is taken
/// as a misspelt persona, so that the error says "did you mean 'exchange'?", not "no such file".
enum MockArgument {
    /// What a bare `--mock` stands for: each scenario's own persona.
    static let ownPersona = "@scenario"

    /// The persona of a bare `--mock` for a scenario that names none.
    static let defaultPersona = "exchange"

    static func normalised(
        _ arguments: [String],
        builtins: [String] = Persona.builtinNames
    )
        -> [String]
    {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            guard argument == "--mock" else {
                result.append(argument)
                index += 1
                continue
            }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if let next, builtins.contains(next) || next.hasSuffix(".persona.yaml") || isMisspeltPersona(next, builtins)
            {
                result.append("--mock=\(next)")
                index += 2
            } else {
                result.append("--mock=\(ownPersona)")
                index += 1
            }
        }
        return result
    }

    /// Whether `word` is a misspelt built-in persona: no file of that name exists, it does not look like a path,
    /// and a built-in name is close to it.
    static func isMisspeltPersona(_ word: String, _ builtins: [String]) -> Bool {
        guard !word.hasPrefix("-"), !word.contains("/"), !word.contains("."),
            !FileManager.default.fileExists(atPath: word)
        else { return false }
        return Suggestion.closest(to: word, among: builtins) != nil
    }
}
