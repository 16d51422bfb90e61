import SMTPYAML

/// Which matrix axes can change what a case compiles to. An axis that no string of the scenario or its
/// environment names (`${axis}`, `${axis:-…}`) only names the cases: every combination that differs only there
/// compiles the same steps, with the same problems, so checking one of them checks all.
///
/// Conservative by construction: any mention counts, wherever it is (a variable that is never used, a comment
/// is not a string), and a message read from a file (`data: {file}`), whose text is not known before it is
/// read, makes every axis count.
enum MatrixRelevance {
    /// The names of the axes, among `axes`, that some string in `ast` or `environment` mentions.
    static func relevantAxes(_ axes: [MatrixAxisAST], ast: ScenarioAST, environment: [VariableAST]) -> Set<String> {
        var scan = Scan()
        scan.visit(ast)
        scan.visit(environment)
        if scan.readsFiles { return Set(axes.map(\.name.value)) }
        return Set(axes.map(\.name.value).filter { name in scan.strings.contains { mentions($0, name) } })
    }

    /// Whether `text` holds `${name}` or `${name:…`.
    static func mentions(_ text: String, _ name: String) -> Bool {
        var rest = text[...]
        while let start = rest.range(of: "${") {
            let after = rest[start.upperBound...]
            if after.hasPrefix(name) {
                let next = after.dropFirst(name.count).first
                if next == "}" || next == ":" { return true }
            }
            rest = after
        }
        return false
    }

    /// Collects every string under a value, by reflection: the AST's shape may grow without this missing a field.
    private struct Scan {
        var strings: [String] = []
        var readsFiles = false

        mutating func visit(_ value: Any) {
            if let text = value as? String {
                if text.contains("${") { strings.append(text) }
                return
            }
            if let message = value as? MessageAST, message.file != nil { readsFiles = true }
            if value is SourceLocation { return }
            for child in Mirror(reflecting: value).children { visit(child.value) }
        }
    }
}
