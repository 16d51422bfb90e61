import SMTPYAML

extension Persona {
    /// The names of the built-in personas: `exchange`, `exchange-auth`, `greylisting`, `postfix`, `strict`.
    public static var builtinNames: [String] { BuiltinPersonas.names }

    /// A built-in persona.
    ///
    /// - Throws: ``Diagnostic`` naming the known personas when there is none called `name`.
    public static func builtin(named name: String) throws(Diagnostic) -> Persona {
        guard let source = BuiltinPersonas.source(named: name) else {
            let guess = Suggestion.closest(to: name, among: BuiltinPersonas.names).map { "did you mean '\($0)'? " }
            throw Diagnostic(
                message: "unknown built-in persona '\(name)'",
                location: nil,
                note: (guess ?? "") + "built-in personas: \(BuiltinPersonas.names.joined(separator: ", "))"
            )
        }
        return try parse(source)
    }

    /// Reads a `*.persona.yaml` file.
    ///
    /// - Throws: the first ``Diagnostic`` (by position in the file) when the file cannot be read or
    ///   is not a valid persona.
    public static func load(path: String) throws(Diagnostic) -> Persona {
        try parse(SourceFile.read(path: path))
    }

    /// A built-in persona when `nameOrPath` names one, otherwise the persona file at that path.
    public static func resolve(_ nameOrPath: String) throws(Diagnostic) -> Persona {
        if isBuiltinName(nameOrPath) { return try builtin(named: nameOrPath) }
        return try load(path: nameOrPath)
    }

    /// Reads persona text already in memory.
    ///
    /// - Throws: the first error ``Diagnostic`` by position in the file.
    public static func parse(_ source: SourceFile) throws(Diagnostic) -> Persona {
        let result = PersonaReader.read(source)
        if let persona = result.persona { return persona }
        let errors = result.diagnostics.filter { $0.severity == .error }.sortedBySource
        throw errors.first ?? Diagnostic(message: "the persona could not be read", location: nil)
    }

    /// Every diagnostic for persona text, in source order; empty when it is a valid persona.
    public static func diagnose(_ source: SourceFile) -> [Diagnostic] {
        PersonaReader.read(source).diagnostics.sortedBySource
    }
}
