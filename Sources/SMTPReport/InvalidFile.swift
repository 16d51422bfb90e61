import SMTPYAML

/// A scenario (or environment) file that did not compile, with its diagnostics; nothing of it was sent.
public struct InvalidFile: Sendable, Hashable {
    /// The file's path, as the user named it.
    public var path: String
    /// What is wrong with it, each at its line and column.
    public var diagnostics: [Diagnostic]
    /// The file's text, to quote the lines the diagnostics point at; `nil` when it could not be read.
    public var source: SourceFile?

    /// Creates an invalid file.
    public init(path: String, diagnostics: [Diagnostic], source: SourceFile? = nil) {
        self.path = path
        self.diagnostics = diagnostics
        self.source = source
    }

    /// Every diagnostic rendered the Hurl way (`error: …`, ` --> file:line:col`, the line, a caret).
    public var renderedDiagnostics: String {
        diagnostics.map { $0.rendered(source: source) }.joined()
    }
}
