import SMTPYAML

/// Resolves `${…}` references in one case: variables by precedence, `${env:…}` as secrets, and
/// names captured by earlier steps as run-time captures. Collects every problem as a diagnostic.
struct Interpolator {
    /// The variables of this case, already layered by precedence.
    let variables: [String: VariableDefinition]
    /// The process environment.
    let environment: [String: String]
    /// Source files, to place offsets inside quoted scalars.
    let sources: [String: SourceFile]
    /// Names captured by the steps compiled so far.
    var captureNames: Set<String> = []
    /// The value of the built-in `${case.id}` (set by ``CaseCompiler``); `nil` where no case is being compiled.
    var caseID: String?
    /// Problems found.
    var diagnostics: [Diagnostic] = []
    /// Every secret value met, for redaction.
    var secrets: Set<String> = []
    /// The most text, in UTF-8 bytes, that the references of one string may fill in
    /// (``InputLimits/interpolatedLength``).
    let maximumLength: Int
    /// How deeply variables may refer to each other (``InputLimits/referenceDepth``).
    let maximumDepth: Int
    private var resolved: [String: (PlanText, [VariableOrigin])] = [:]
    /// Variables whose value could not be resolved (already reported): each is tried once, so a failure deep in
    /// variables that refer to each other twice is not re-resolved exponentially often.
    private var unresolvable: Set<String> = []
    /// Strings already parsed, shared by every case of a scenario: a matrix case reads the same strings as the
    /// case before it.
    let templates: TemplateCache

    init(
        variables: [String: VariableDefinition],
        environment: [String: String],
        sources: [String: SourceFile],
        maximumLength: Int = InputLimits.standard.interpolatedLength,
        maximumDepth: Int = InputLimits.standard.referenceDepth,
        templates: TemplateCache = TemplateCache()
    ) {
        self.variables = variables
        self.environment = environment
        self.sources = sources
        self.maximumLength = maximumLength
        self.maximumDepth = maximumDepth
        self.templates = templates
    }

    /// The result of interpolating a string: the text and the origins of the variables it used.
    struct Output {
        var text: PlanText
        var origins: [(name: String, origin: VariableOrigin)]
    }

    /// Interpolates a located string; `nil` when a reference cannot be resolved (reported).
    mutating func interpolate(_ value: Located<String>) -> Output? {
        var stack: [String] = []
        return interpolate(value, stack: &stack)
    }

    /// Runs `body` without reporting: the problems it meets are forgotten, and so are the variables it could not
    /// resolve, so a step that uses one later reports why. What it resolved stays resolved, with the secrets met.
    mutating func quietly<T>(_ body: (inout Interpolator) -> T) -> T {
        let diagnostics = self.diagnostics
        let unresolvable = self.unresolvable
        defer {
            self.diagnostics = diagnostics
            self.unresolvable = unresolvable
        }
        return body(&self)
    }

    /// Interpolates and returns just the text.
    mutating func text(_ value: Located<String>) -> PlanText? {
        interpolate(value)?.text
    }

    private mutating func interpolate(_ value: Located<String>, stack: inout [String]) -> Output? {
        let template: Template
        switch templates.parse(value.value) {
        case .success(let parsed): template = parsed
        case .failure(let problem):
            diagnostics.append(
                Diagnostic(message: problem.message, location: place(value, offset: problem.offset), note: problem.note)
            )
            return nil
        }
        // Most strings name no variable: their text is the string itself.
        switch template.parts.count {
        case 0: return Output(text: PlanText([]), origins: [])
        case 1:
            if case .literal(let text) = template.parts[0] { return Output(text: PlanText(literal: text), origins: []) }
        default: break
        }
        var segments: [PlanText.Segment] = []
        var origins: [(String, VariableOrigin)] = []
        var failed = false
        // What references filled in so far. Text written in the string itself is not counted: the file size bounds it.
        var length = 0
        /// Adds what a reference filled in to the length so far; `false` (reported) past the limit.
        func fits(_ added: Int, reference: String, offset: Int) -> Bool {
            length += added
            guard length > maximumLength else { return true }
            let limit = InputLimits.bytes(maximumLength)
            diagnostics.append(
                Diagnostic(
                    message: "filling in '\(reference)' brings the text filled into this string past \(limit)",
                    location: place(value, offset: offset),
                    note: "the references of one string may fill in at most \(limit) (\(maximumLength) bytes); "
                        + "variables that double each other grow past any limit",
                    span: reference.count
                )
            )
            return false
        }
        for part in template.parts {
            switch part {
            case .literal(let text):
                segments.append(.literal(text))
            case .environment(let name, let defaultValue, let offset):
                if let found = environment[name] ?? defaultValue {
                    guard fits(found.utf8.count, reference: "${env:\(name)}", offset: offset) else { return nil }
                    segments.append(.secret(found))
                    secrets.insert(found)
                } else {
                    failed = true
                    diagnostics.append(
                        Diagnostic(
                            message: "environment variable '\(name)' is not set",
                            location: place(value, offset: offset),
                            note: "set it before running, or give a default: ${env:\(name):-value}",
                            span: name.count + 7
                        )
                    )
                }
            case .variable(let name, _, let offset) where Self.isReserved(name):
                guard name == Self.caseIDName, let caseID else {
                    failed = true
                    diagnostics.append(
                        Diagnostic(
                            message: name == Self.caseIDName
                                ? "'${\(name)}' is known only in a case's steps"
                                : "unknown built-in variable '\(name)'",
                            location: place(value, offset: offset),
                            note: "names starting with '\(Self.reservedPrefix)' are reserved for smtpspec; "
                                + "the built-in one is ${\(Self.caseIDName)}",
                            span: name.count + 3
                        )
                    )
                    continue
                }
                guard fits(caseID.utf8.count, reference: "${\(name)}", offset: offset) else { return nil }
                segments.append(.literal(caseID))
            case .variable(let name, let defaultValue, let offset):
                if captureNames.contains(name) {
                    guard fits(PlanText.Segment.capture(name).measure, reference: "${\(name)}", offset: offset) else {
                        return nil
                    }
                    segments.append(.capture(name))
                    continue
                }
                if let definition = variables[name] {
                    if stack.contains(name) {
                        failed = true
                        diagnostics.append(
                            Diagnostic(
                                message:
                                    "variable '\(name)' refers to itself: \((stack + [name]).joined(separator: " -> "))",
                                location: place(value, offset: offset),
                                span: name.count + 3
                            )
                        )
                        continue
                    }
                    if stack.count >= maximumDepth, resolved[name] == nil, !definition.isLiteral {
                        diagnostics.append(
                            Diagnostic(
                                message: "variables refer to each other more than \(maximumDepth) deep at '${\(name)}'",
                                location: place(value, offset: offset),
                                note: "a variable's value may name another variable, and so on, \(maximumDepth) deep",
                                span: name.count + 3
                            )
                        )
                        return nil
                    }
                    guard let inner = resolve(name, definition, stack: &stack) else {
                        failed = true
                        continue
                    }
                    guard fits(inner.0.measure, reference: "${\(name)}", offset: offset) else { return nil }
                    segments += inner.0.segments
                    origins.append((name, definition.origin))
                    origins += inner.1.map { (name, $0) }
                } else if let defaultValue {
                    segments.append(.literal(defaultValue))
                } else {
                    failed = true
                    let guess = Suggestion.closest(to: name, among: Array(variables.keys) + Array(captureNames))
                    diagnostics.append(
                        Diagnostic(
                            message: "undefined variable '\(name)'",
                            location: place(value, offset: offset),
                            note: guess.map { "did you mean '\($0)'?" }
                                ?? "define it under vars, in an environment file, or with --var \(name)=…; "
                                + "or give a default: ${\(name):-value}",
                            span: name.count + 3
                        )
                    )
                }
            }
        }
        return failed ? nil : Output(text: PlanText(segments), origins: origins)
    }

    private mutating func resolve(
        _ name: String,
        _ definition: VariableDefinition,
        stack: inout [String]
    ) -> (PlanText, [VariableOrigin])? {
        if let cached = resolved[name] { return cached }
        if unresolvable.contains(name) { return nil }
        if definition.isLiteral {
            let result = (PlanText(literal: definition.raw.value), [definition.origin])
            resolved[name] = result
            return result
        }
        stack.append(name)
        defer { stack.removeLast() }
        guard let output = interpolate(definition.raw, stack: &stack) else {
            unresolvable.insert(name)
            return nil
        }
        // Each origin once: a value that names the same variable twice (or doubles it) has no more origins.
        var origins = [definition.origin]
        for origin in output.origins.map(\.origin) where !origins.contains(origin) { origins.append(origin) }
        let result = (output.text, origins)
        resolved[name] = result
        return result
    }

    /// The prefix of smtpspec's built-in variables: a scenario, environment, matrix, capture or `--var` may not
    /// define a name that starts with it.
    static let reservedPrefix = "case."
    /// The built-in variable unique to each case of each run.
    static let caseIDName = "case.id"

    /// Whether `name` is reserved for a built-in variable.
    static func isReserved(_ name: some StringProtocol) -> Bool { name.hasPrefix(reservedPrefix) }

    /// The location of a 0-based offset inside a located string, allowing for a quote before it.
    func place(_ value: Located<String>, offset: Int) -> SourceLocation {
        var location = value.location
        if let line = sources[location.file]?.line(location.line) {
            let scalars = Array(line.unicodeScalars)
            let index = location.column - 1
            if index >= 0, index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                location.column += 1
            }
            if !value.value.contains("\n") { location.column += offset }
        }
        return location
    }
}

extension PlanText {
    /// The length the interpolation limit counts: UTF-8 bytes of literal and secret text, and a capture as long
    /// as `${name}` (its length is unknown until run time).
    var measure: Int { segments.reduce(0) { $0 + $1.measure } }
}

extension PlanText.Segment {
    /// This segment's share of ``PlanText/measure``.
    var measure: Int {
        switch self {
        case .literal(let text), .secret(let text): return text.utf8.count
        case .capture(let name): return name.utf8.count + 3
        }
    }
}
