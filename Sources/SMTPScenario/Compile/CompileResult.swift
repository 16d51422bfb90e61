import SMTPYAML

/// The outcome of compiling one scenario file: the compiled scenario when there were no errors,
/// and every diagnostic (errors and warnings), with the sources to quote them.
public struct CompileResult: Sendable {
    /// The compiled scenario, or `nil` when any error was found.
    public var scenario: CompiledScenario?
    /// Every error and warning, in source order, each once.
    public var diagnostics: [Diagnostic]
    /// The files the diagnostics point into (the scenario and its environment file).
    public var sources: [String: SourceFile]
    /// Every secret the compiler read (`${env:…}` values, passwords), even of a file that did not compile, so
    /// that no diagnostic shows one.
    public var mask: SecretMask

    /// Creates a result.
    public init(
        scenario: CompiledScenario?,
        diagnostics: [Diagnostic],
        sources: [String: SourceFile],
        mask: SecretMask = SecretMask([])
    ) {
        self.scenario = scenario
        self.diagnostics = diagnostics
        self.sources = sources
        self.mask = mask
    }

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The warnings only.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Every diagnostic rendered Hurl-style, separated by blank lines, with every secret masked.
    public func rendered() -> String {
        diagnostics.map { diagnostic in
            diagnostic.rendered(source: diagnostic.location.flatMap { sources[$0.file] }, mask: mask)
        }.joined(separator: "\n")
    }
}
