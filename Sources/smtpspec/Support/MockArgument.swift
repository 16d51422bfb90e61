import SMTPMock

/// `--mock [PERSONA]` takes an optional value, which swift-argument-parser cannot express: a bare
/// `--mock` becomes `--mock=exchange`, and `--mock NAME` keeps NAME only when it is a persona (a
/// built-in name or a `*.persona.yaml` file), so `run --mock Examples` still reads Examples as a path.
enum MockArgument {
    /// The default persona of `--mock`.
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
            if let next, builtins.contains(next) || next.hasSuffix(".persona.yaml") {
                result.append("--mock=\(next)")
                index += 2
            } else {
                result.append("--mock=\(defaultPersona)")
                index += 1
            }
        }
        return result
    }
}
