import SMTPYAML

/// Every problem with a persona asked for by name or path: an unknown built-in name (with a did-you-mean), a file
/// that cannot be read, or every mistake in the file, in source order, as scenario files report theirs.
public struct PersonaProblems: Error, Sendable, Hashable {
    /// The problems, errors first in source order.
    public var diagnostics: [Diagnostic]
    /// The persona file's text, to quote the lines the diagnostics point at.
    public var source: SourceFile?

    /// Creates the problems of a persona.
    public init(diagnostics: [Diagnostic], source: SourceFile? = nil) {
        self.diagnostics = diagnostics
        self.source = source
    }

    /// Every diagnostic rendered Hurl-style, separated by blank lines.
    public func rendered() -> String {
        diagnostics.map { diagnostic in
            let quoted = source.flatMap { source in diagnostic.location?.file == source.path ? source : nil }
            return diagnostic.rendered(source: quoted)
        }.joined(separator: "\n")
    }
}

extension Persona {
    /// A built-in persona when `nameOrPath` names one, otherwise the persona file at that path; or every problem
    /// with it (``resolve(_:)`` throws only the first).
    public static func resolveReportingAll(_ nameOrPath: String) -> Result<Persona, PersonaProblems> {
        let source: SourceFile
        if isBuiltinName(nameOrPath) {
            do {
                return .success(try builtin(named: nameOrPath))
            } catch {
                return .failure(PersonaProblems(diagnostics: [error]))
            }
        }
        do {
            source = try SourceFile.read(path: nameOrPath)
        } catch {
            return .failure(PersonaProblems(diagnostics: [error]))
        }
        let read = PersonaReader.read(source)
        if let persona = read.persona { return .success(persona) }
        let errors = read.diagnostics.filter { $0.severity == .error }.sortedBySource
        return .failure(
            PersonaProblems(
                diagnostics: errors.isEmpty
                    ? [Diagnostic(message: "the persona could not be read", location: nil)] : errors,
                source: source
            )
        )
    }

    /// Whether `nameOrPath` is read as a built-in persona's name rather than a file: a built-in name, or a word
    /// that is no path (no `/`, no `.yaml` or `.yml`).
    static func isBuiltinName(_ nameOrPath: String) -> Bool {
        BuiltinPersonas.names.contains(nameOrPath)
            || (!nameOrPath.contains("/") && !nameOrPath.hasSuffix(".yaml") && !nameOrPath.hasSuffix(".yml"))
    }
}
