import Foundation
import SMTPCore
import SMTPYAML

/// Compiles scenario files into ``CompiledScenario``s: reads the YAML, the environment file and
/// the command line's variables, expands the matrix, and compiles every case's steps to exact
/// command lines. Reports every error in the file, not just the first.
public struct ScenarioCompiler: Sendable {
    /// Options from the command line.
    public var options: CompileOptions

    /// Creates a compiler.
    public init(options: CompileOptions = CompileOptions()) {
        self.options = options
    }

    /// Compiles the scenario file at `path`.
    public func compile(path: String) -> CompileResult {
        let source: SourceFile
        do {
            source = try SourceFile.read(path: path, maxBytes: options.limits.fileSize)
        } catch {
            return CompileResult(scenario: nil, diagnostics: [error], sources: [:])
        }
        return compile(source)
    }

    /// Compiles a scenario whose text is already in memory.
    public func compile(_ source: SourceFile) -> CompileResult {
        var sources = [source.path: source]
        var diagnostics: [Diagnostic] = []
        let root: YAMLNode?
        do {
            root = try YAMLDocument.parse(source, limits: options.limits)
        } catch {
            return CompileResult(scenario: nil, diagnostics: [error], sources: sources)
        }
        var reader = ScenarioReader()
        let ast = reader.read(root, file: source.path)
        diagnostics += reader.diagnostics
        let environment = loadEnvironment(for: source.path, sources: &sources, diagnostics: &diagnostics)
        guard let ast else { return finish(nil, diagnostics, sources) }
        if let tooMany = MatrixExpansion.caseLimitExceeded(ast.matrix, limit: options.limits.matrixCases) {
            return finish(nil, diagnostics + [tooMany], sources)
        }

        let directory = (source.path as NSString).deletingLastPathComponent
        if let persona = ast.persona { diagnostics += personaDiagnostics(persona, directory: directory) }
        var cases: [SessionPlan] = []
        var secrets: Set<String> = []
        var warnings: [Diagnostic] = []
        // Every case of a matrix repeats the same problems: each is kept once as it comes, not once per case.
        var seen: Set<Diagnostic> = Set(diagnostics)
        var played: Set<[MatrixValue]> = []
        let date = RFC5322Date.format(options.now)
        let templates = TemplateCache()
        let name = ast.name?.value ?? ((source.path as NSString).lastPathComponent)
        for combination in MatrixExpansion.combinations(of: ast.matrix) {
            let variables = layeredVariables(ast: ast, environment: environment, combination: combination)
            var interpolator = Interpolator(
                variables: variables,
                environment: options.processEnvironment,
                sources: sources,
                maximumLength: options.limits.interpolatedLength,
                maximumDepth: options.limits.referenceDepth,
                templates: templates
            )
            // Named after the values the case really uses. Combinations that come out the same (an axis that
            // `--var` overrides) are one case, played once.
            let matrix = MatrixExpansion.values(of: combination, in: &interpolator)
            guard played.insert(matrix).inserted else { continue }
            var compiler = CaseCompiler(
                ast: ast,
                directory: directory.isEmpty ? "." : directory,
                options: options,
                date: date,
                interpolator: interpolator,
                caseIndex: played.count - 1
            )
            let steps = compiler.compile(ast.steps)
            diagnostics += compiler.diagnostics.filter { seen.insert($0).inserted }
            warnings += SequenceCheck.warnings(for: steps).filter { seen.insert($0).inserted }
            secrets.formUnion(compiler.interpolator.secrets)
            // `check` only needs what is wrong: a large matrix is validated case by case without keeping them.
            guard options.retainsCases else { continue }
            cases.append(
                SessionPlan(
                    name: MatrixExpansion.caseName(name, matrix),
                    matrix: matrix,
                    steps: steps,
                    secrets: Array(compiler.interpolator.secrets)
                )
            )
        }
        // Sequencing warnings only make sense for a file that compiles.
        if !diagnostics.containsErrors { diagnostics += warnings }
        if let retry = ast.retry {
            diagnostics += retryDiagnostics(retry)
        }
        let retry = ast.retry.flatMap(compileRetry)
        let scenario = CompiledScenario(
            file: source.path,
            name: ast.name?.value ?? ((source.path as NSString).lastPathComponent),
            description: ast.description?.value,
            tags: ast.tags.map(\.value),
            persona: ast.persona.map { persona in
                // A file name is relative to the scenario; a bare word is a built-in persona's name.
                guard persona.value.hasSuffix(".yaml"), !persona.value.hasPrefix("/") else { return persona.value }
                return ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(persona.value)
            },
            retry: retry,
            cases: cases,
            warnings: unique(warnings)
        )
        let mask = SecretMask(secrets)
        return finish(scenario, diagnostics, sources, mask: mask)
    }

    /// A persona that does not exist: a built-in name the mock does not know (with a did-you-mean), or a persona
    /// file that cannot be read. Found here, so that `check` reports it, not the first `run --mock`.
    private func personaDiagnostics(_ persona: Located<String>, directory: String) -> [Diagnostic] {
        let value = persona.value
        if value.hasSuffix(".yaml") || value.hasSuffix(".yml") || value.contains("/") {
            let full =
                value.hasPrefix("/")
                ? value
                : ((directory.isEmpty ? "." : directory) as NSString)
                    .appendingPathComponent(value)
            guard !FileManager.default.isReadableFile(atPath: full) else { return [] }
            return [
                Diagnostic(
                    message: "cannot read persona file '\(WireFence.escaped(value))'",
                    location: persona.location,
                    note: "a *.persona.yaml file, relative to the scenario file",
                    span: value.count
                )
            ]
        }
        guard let known = options.knownPersonas, !known.contains(value) else { return [] }
        let guess = Suggestion.closest(to: value, among: known).map { "did you mean '\($0)'?" }
        return [
            Diagnostic(
                message: "unknown persona '\(WireFence.escaped(value))'",
                location: persona.location,
                note: guess ?? "built-in personas: \(known.joined(separator: ", ")); or give a *.persona.yaml file",
                span: value.count
            )
        ]
    }

    private func finish(
        _ scenario: CompiledScenario?,
        _ diagnostics: [Diagnostic],
        _ sources: [String: SourceFile],
        mask: SecretMask = SecretMask([])
    ) -> CompileResult {
        let all = unique(diagnostics).sortedBySource
        return CompileResult(
            scenario: all.containsErrors ? nil : scenario,
            diagnostics: all,
            sources: sources,
            mask: mask
        )
    }

    /// The same diagnostic from several matrix cases is reported once.
    private func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }

    /// Variables of one case, strongest last: scenario vars, environment, matrix, `--var`.
    private func layeredVariables(
        ast: ScenarioAST,
        environment: [VariableAST],
        combination: [MatrixExpansion.Assignment]
    ) -> [String: VariableDefinition] {
        var table: [String: VariableDefinition] = [:]
        for variable in ast.vars {
            table[variable.name.value] = VariableDefinition(raw: variable.value, origin: .scenario, isLiteral: false)
        }
        for variable in environment {
            table[variable.name.value] = VariableDefinition(raw: variable.value, origin: .environment, isLiteral: false)
        }
        for assignment in combination {
            table[assignment.name] = VariableDefinition(raw: assignment.value, origin: .matrix, isLiteral: false)
        }
        let commandLine = SourceLocation(file: "--var", line: 1, column: 1)
        for (name, value) in options.overrides {
            table[name] = VariableDefinition(
                raw: Located(value, at: commandLine),
                origin: .commandLine,
                isLiteral: true
            )
        }
        return table
    }

    private func compileRetry(_ retry: RetryAST) -> RetryPolicy? {
        var patterns: [ReplyPattern] = []
        for on in retry.on {
            guard case .success(let alternatives) = ExpectationSyntax.parse(on.value) else { return nil }
            for case .reply(let pattern) in alternatives { patterns.append(pattern) }
        }
        return RetryPolicy(on: patterns, attempts: retry.attempts, delay: retry.delay, location: retry.location)
    }

    private func retryDiagnostics(_ retry: RetryAST) -> [Diagnostic] {
        retry.on.compactMap { on in
            switch ExpectationSyntax.parse(on.value) {
            case .success(let alternatives):
                if alternatives.contains(.noConnection) {
                    return Diagnostic(message: "retry cannot be triggered by 'no-connection'", location: on.location)
                }
                return nil
            case .failure(let problem):
                return Diagnostic(message: problem.message, location: on.location, note: problem.note)
            }
        }
    }
}
