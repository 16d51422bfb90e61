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
        let captureServers = compileCaptureServers(ast.captureServers, directory: directory, diagnostics: &diagnostics)
        let name = ast.name?.value ?? ((source.path as NSString).lastPathComponent)
        let axes = MatrixExpansion.withoutRepeatedValues(ast.matrix.filter { !$0.values.isEmpty })
        let blueprint = CaseBlueprint(
            ast: ast,
            environment: environment,
            sources: sources,
            directory: directory.isEmpty ? "." : directory,
            options: options,
            date: RFC5322Date.format(options.now),
            name: name,
            axes: axes,
            relevantAxes: MatrixRelevance.relevantAxes(axes, ast: ast, environment: environment)
        )
        // Every case is checked now, so that every error is found before anything is sent; no plan is kept. The
        // plans are compiled again, one at a time, as the cases are played.
        var check = CaseCheck(blueprint: blueprint, seen: Set(diagnostics))
        check.run(
            mayRepeat: MatrixExpansion.mayRepeat(blueprint.axes, overrides: options.overrides),
            relevant: blueprint.relevantAxes
        )
        diagnostics += check.diagnostics
        let warnings = check.warnings
        let secrets = check.secrets
        var fingerprint = Fingerprint()
        // What makes the cases what they are: the file (as a path from the working directory, so that `suite`,
        // `./suite` and another runner's workspace agree) and its text, the environment file's text, `--var`, and
        // the cases' names.
        fingerprint.add(Self.portablePath(source.path))
        for file in sources.keys.sorted() { fingerprint.add(sources[file]?.text ?? "") }
        for (name, value) in options.overrides { fingerprint.add("\(name)=\(value)") }
        fingerprint.add(check.fingerprint.hex)
        let combinations = check.combinations
        // Sequencing warnings only make sense for a file that compiles.
        if !diagnostics.containsErrors { diagnostics += warnings }
        if let retry = ast.retry {
            diagnostics += retryDiagnostics(retry)
        }
        let retry = ast.retry.flatMap(compileRetry)
        var scenario = CompiledScenario(
            file: source.path,
            name: ast.name?.value ?? ((source.path as NSString).lastPathComponent),
            description: ast.description?.value,
            tags: ast.tags.map(\.value),
            // A file name is relative to the scenario; a bare word is a built-in persona's name.
            persona: ast.persona.map { Self.personaReference($0.value, directory: directory) },
            retry: retry,
            plans: .lazy(blueprint, combinations: combinations),
            secrets: Array(secrets),
            fingerprint: fingerprint.hex,
            warnings: unique(warnings)
        )
        scenario.captureServers = captureServers
        scenario.mockSourceLocation =
            ast.steps.first { step in
                if case .arrival(let written) = step.argument, case .named(let name)? = written.at {
                    return name.value == ScenarioReader.mockSourceName
                }
                return false
            }?.location
        let mask = SecretMask(secrets)
        return finish(scenario, diagnostics, sources, mask: mask)
    }

    /// The `capture:` servers: each listens on `host:port` (or a port alone, on 127.0.0.1), with a persona that
    /// exists (`sink` unless given); two captures of one file may not share an address.
    private func compileCaptureServers(
        _ written: [CaptureServerAST],
        directory: String,
        diagnostics: inout [Diagnostic]
    ) -> [CaptureServerPlan] {
        var servers: [CaptureServerPlan] = []
        for capture in written {
            guard let listen = capture.listen else { continue }
            func refuse(_ message: String, note: String) {
                diagnostics.append(
                    Diagnostic(
                        message: message,
                        location: listen.location,
                        note: note,
                        span: max(1, listen.value.count)
                    )
                )
            }
            guard let address = CaseCompiler.captureAddress(listen.value) else {
                refuse(
                    "'listen' of capture '\(capture.name.value)' must be host:port, [v6]:port or a port, "
                        + "not '\(WireFence.escaped(listen.value))'",
                    note: "for example listen: 127.0.0.1:2526; the system under test relays there"
                )
                continue
            }
            if !Self.isLoopback(address.host) {
                refuse(
                    "capture '\(capture.name.value)' must listen on loopback, not \(address.host)",
                    note: "captures listen on 127.0.0.0/8, ::1 or localhost; the system under test relays there"
                )
                continue
            }
            if let other = servers.first(where: { $0.listen == address }) {
                refuse(
                    "captures '\(other.name)' and '\(capture.name.value)' both listen on \(address)",
                    note: "one server per address; give each capture its own port"
                )
                continue
            }
            var persona = CaptureServerPlan.defaultPersona
            if let written = capture.persona {
                diagnostics += personaDiagnostics(written, directory: directory)
                persona = Self.personaReference(written.value, directory: directory)
            }
            servers.append(
                CaptureServerPlan(
                    name: capture.name.value,
                    listen: address,
                    persona: persona,
                    location: capture.name.location
                )
            )
        }
        return servers
    }

    /// Whether a capture's host is a loopback address (127.0.0.0/8, ::1) or `localhost`: the mock's listening rule,
    /// checked here so that `check` reports it.
    static func isLoopback(_ host: String) -> Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower == "::1" || lower == "0:0:0:0:0:0:0:1" { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// A persona as a scenario names it: a file name made absolute from the scenario's folder, or a built-in
    /// persona's name as it is.
    static func personaReference(_ value: String, directory: String) -> String {
        personaFile(value, directory: directory) ?? value
    }

    /// The path of the persona file `value` names (one ending in `.yaml` or `.yml`, or with a `/`), relative to the
    /// scenario's folder unless absolute; `nil` for a built-in persona's name. The one rule for both checking the
    /// file and handing it to the mock.
    private static func personaFile(_ value: String, directory: String) -> String? {
        guard value.hasSuffix(".yaml") || value.hasSuffix(".yml") || value.contains("/") else { return nil }
        if value.hasPrefix("/") { return value }
        return ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(value)
    }

    /// A persona that does not exist: a built-in name the mock does not know (with a did-you-mean), or a persona
    /// file that cannot be read. Found here, so that `check` reports it, not the first `run --mock`.
    private func personaDiagnostics(_ persona: Located<String>, directory: String) -> [Diagnostic] {
        let value = persona.value
        if let full = Self.personaFile(value, directory: directory) {
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

    /// `path` relative to the working directory when it lies below it, without a leading `./`.
    static func portablePath(_ path: String) -> String {
        let standard = (path as NSString).standardizingPath
        let directory = FileManager.default.currentDirectoryPath
        if standard.hasPrefix(directory + "/") { return String(standard.dropFirst(directory.count + 1)) }
        return standard
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
