import SMTPYAML

/// Reads a scenario file's YAML tree into a ``ScenarioAST``, reporting every problem it finds
/// (not only the first) as a ``Diagnostic`` at its line and column.
public struct ScenarioReader {
    /// The keys a scenario may have at its top level.
    public static let topLevelKeys = [
        "name", "description", "tags", "persona", "vars", "matrix", "timeout", "retry", "capture", "steps",
    ]

    /// Everything found wrong so far.
    public internal(set) var diagnostics: [Diagnostic] = []

    /// Creates a reader.
    public init() {}

    /// Reads a whole scenario. Returns `nil` when the file is not a scenario at all (empty, or
    /// not a mapping); ``diagnostics`` says why.
    public mutating func read(_ root: YAMLNode?, file: String) -> ScenarioAST? {
        guard let root else {
            diagnostics.append(
                Diagnostic(
                    message: "the scenario file is empty",
                    location: SourceLocation(file: file, line: 1, column: 1),
                    note: "a scenario needs at least 'steps:'"
                )
            )
            return nil
        }
        guard
            let top = MappingReader(
                root,
                what: "the scenario",
                allowedKeys: Self.topLevelKeys,
                diagnostics: &diagnostics
            )
        else { return nil }
        var ast = ScenarioAST(file: file, stepsLocation: root.location)
        ast.name = top["name"].flatMap { located($0, "name") }
        ast.description = top["description"].flatMap { located($0, "description") }
        ast.persona = top["persona"].flatMap { located($0, "persona") }
        if let tags = top["tags"], let list = tags.stringList("tags", diagnostics: &diagnostics) {
            ast.tags = list.map { Located($0.0, at: $0.1) }
        }
        if let vars = top["vars"] {
            ast.vars = readVariables(vars, what: "vars")
        }
        if let matrix = top["matrix"] {
            ast.matrix = readMatrix(matrix)
        }
        if let timeout = top["timeout"] {
            ast.timeout = duration(timeout, "timeout")
        }
        if let retry = top["retry"] {
            ast.retry = readRetry(retry)
        }
        if let capture = top["capture"] {
            ast.captureServers = readCaptureServers(capture)
        }
        if let steps = top.required("steps", what: "the scenario", diagnostics: &diagnostics) {
            ast.stepsLocation = top.entry("steps")?.keyLocation ?? steps.location
            ast.steps = readSteps(steps, what: "steps")
            if ast.steps.isEmpty, steps.items?.isEmpty ?? true, !diagnostics.containsErrors {
                diagnostics.append(
                    Diagnostic(
                        message: "'steps' is empty",
                        location: ast.stepsLocation,
                        note: "list at least one step, such as '- open: mail.example.com:25'"
                    )
                )
            }
        }
        return ast
    }

    /// Reads a `vars:` mapping (of a scenario or an environment file).
    public mutating func readVariables(_ node: YAMLNode, what: String) -> [VariableAST] {
        guard let entries = node.entries else {
            if node.isNull { return [] }
            error("'\(what)' must be a mapping of names to values, not \(node.kindDescription)", at: node.location)
            return []
        }
        var result: [VariableAST] = []
        for entry in entries {
            checkName(entry.key, at: entry.keyLocation)
            guard let value = scalarValue(entry.value, "the value of '\(entry.key)'") else { continue }
            result.append(
                VariableAST(
                    name: Located(entry.key, at: entry.keyLocation),
                    value: Located(value, at: entry.value.location)
                )
            )
        }
        return result
    }

    private mutating func readMatrix(_ node: YAMLNode) -> [MatrixAxisAST] {
        guard let entries = node.entries else {
            error(
                "'matrix' must be a mapping of names to lists of values, not \(node.kindDescription)",
                at: node.location
            )
            return []
        }
        var axes: [MatrixAxisAST] = []
        for entry in entries {
            checkName(entry.key, at: entry.keyLocation)
            guard let items = entry.value.items, !items.isEmpty else {
                error(
                    "matrix variable '\(entry.key)' must be a non-empty list of values",
                    at: entry.value.location,
                    note: "write \(entry.key): [a, b]"
                )
                continue
            }
            let values = items.compactMap { item in
                scalarValue(item, "a value of matrix variable '\(entry.key)'").map { Located($0, at: item.location) }
            }
            axes.append(MatrixAxisAST(name: Located(entry.key, at: entry.keyLocation), values: values))
        }
        return axes
    }

    private mutating func readRetry(_ node: YAMLNode) -> RetryAST? {
        guard
            let map = MappingReader(
                node,
                what: "retry",
                allowedKeys: ["on", "attempts", "delay"],
                diagnostics: &diagnostics
            )
        else { return nil }
        var on: [Located<String>] = [Located("4xx", at: node.location)]
        if let value = map["on"], let list = value.stringList("retry.on", diagnostics: &diagnostics) {
            on = list.map { Located($0.0, at: $0.1) }
        }
        let attempts =
            map["attempts"].flatMap { $0.integer("retry.attempts", in: 1...100, diagnostics: &diagnostics) } ?? 3
        let delay = map["delay"].flatMap { duration($0, "retry.delay")?.value } ?? .seconds(30)
        return RetryAST(on: on, attempts: attempts, delay: delay, location: node.location)
    }

    // MARK: - Shared value readers

    /// A scalar as a located string; reports anything else.
    mutating func located(_ node: YAMLNode, _ what: String) -> Located<String>? {
        node.string("'\(what)'", diagnostics: &diagnostics).map { Located($0, at: node.location) }
    }

    /// A scalar value (a string, number or boolean); reports lists, mappings and nothing.
    mutating func scalarValue(_ node: YAMLNode, _ what: String) -> String? {
        if let scalar = node.scalar { return scalar }
        error("\(what) must be a single value, not \(node.kindDescription)", at: node.location)
        return nil
    }

    /// A duration; reports a malformed one at its place.
    mutating func duration(_ node: YAMLNode, _ what: String) -> Located<Duration>? {
        guard let text = node.string("'\(what)'", diagnostics: &diagnostics) else { return nil }
        switch DurationSyntax.parse(text) {
        case .success(let value):
            return Located(value, at: node.location)
        case .failure(let problem):
            error(problem.message, at: node.location, note: problem.note, span: text.count)
            return nil
        }
    }

    /// A boolean; reports anything else.
    mutating func flag(_ node: YAMLNode?, _ what: String, default defaultValue: Bool) -> Bool {
        guard let node else { return defaultValue }
        return node.boolean("'\(what)'", diagnostics: &diagnostics) ?? defaultValue
    }

    mutating func checkName(_ name: String, at location: SourceLocation) {
        if !Template.isValidName(name[...]) {
            error(
                "invalid variable name '\(name)'",
                at: location,
                note: "names start with a letter or '_' and contain letters, digits, '_', '-' or '.'"
            )
        } else if Interpolator.isReserved(name) {
            error(
                "variable name '\(name)' is reserved",
                at: location,
                note: "names starting with '\(Interpolator.reservedPrefix)' are smtpspec's built-in variables "
                    + "(${\(Interpolator.caseIDName)}); choose another name",
                span: name.count
            )
        }
    }

    mutating func error(_ message: String, at location: SourceLocation, note: String? = nil, span: Int = 1) {
        diagnostics.append(Diagnostic(message: message, location: location, note: note, span: span))
    }

    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func mapping(_ node: YAMLNode, what: String, keys: [String]) -> MappingReader? {
        MappingReader(node, what: what, allowedKeys: keys, diagnostics: &diagnostics)
    }

    mutating func string(_ node: YAMLNode?, _ what: String) -> Located<String>? {
        guard let node else { return nil }
        return node.string("'\(what)'", diagnostics: &diagnostics).map { Located($0, at: node.location) }
    }

    mutating func list(_ node: YAMLNode?, _ what: String) -> [Located<String>] {
        guard let node, let items = node.stringList("'\(what)'", diagnostics: &diagnostics) else { return [] }
        return items.map { Located($0.0, at: $0.1) }
    }
}
