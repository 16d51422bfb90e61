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
        // A message read from a file, or `${case.id}` (its length grows with the case number, and a length limit
        // may be passed only by later cases), makes every case compile on its own.
        if scan.readsFiles || scan.strings.contains(where: { mentionsCase($0) }) { return Set(axes.map(\.name.value)) }
        return Set(axes.map(\.name.value).filter { name in scan.strings.contains { mentions($0, name) } })
    }

    /// Whether `text` holds `${name}` or `${name:…`. Compared scalar by scalar, as templates are read.
    static func mentions(_ text: String, _ name: String) -> Bool {
        references(in: text).contains { $0.name == name && ($0.next == "}" || $0.next == ":") }
    }

    /// Whether `text` holds a `${case.…}` reference.
    static func mentionsCase(_ text: String) -> Bool {
        references(in: text).contains { $0.name.hasPrefix("case.") }
    }

    /// Each `${` in `text`, with the name after it (letters, digits, `_`, `-`, `.`) and the scalar after the name.
    private static func references(in text: String) -> [(name: String, next: Unicode.Scalar?)] {
        let scalars = Array(text.unicodeScalars)
        var found: [(String, Unicode.Scalar?)] = []
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "$", scalars[index + 1] == "{" else {
                index += 1
                continue
            }
            var end = index + 2
            var name = String.UnicodeScalarView()
            while end < scalars.count, isNameScalar(scalars[end]) {
                name.append(scalars[end])
                end += 1
            }
            found.append((String(name), end < scalars.count ? scalars[end] : nil))
            index = end
        }
        return found
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar)
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
            // The commonest leaf, a matrix value or an argument as written, without a Mirror of its own.
            if let located = value as? Located<String> {
                if located.value.contains("${") { strings.append(located.value) }
                return
            }
            if let message = value as? MessageAST, message.file != nil { readsFiles = true }
            if value is SourceLocation { return }
            for child in Mirror(reflecting: value).children { visit(child.value) }
        }
    }
}
