import SMTPYAML

/// A scenario (or environment) file that did not compile, with its diagnostics; nothing of it was sent.
public struct InvalidFile: Sendable, Hashable {
    /// The file's path, as the user named it.
    public var path: String
    /// What is wrong with it, each at its line and column.
    public var diagnostics: [Diagnostic]
    /// The file's text, to quote the lines the diagnostics point at; `nil` when it could not be read. It is kept as
    /// written: ``mask`` hides the secrets in it when a line is quoted, so that the caret stays aligned.
    public var source: SourceFile?
    /// The secrets to hide wherever the file is shown.
    public var mask: SecretMask

    /// Creates an invalid file.
    public init(path: String, diagnostics: [Diagnostic], source: SourceFile? = nil, mask: SecretMask = SecretMask([])) {
        self.path = path
        self.diagnostics = diagnostics
        self.source = source
        self.mask = mask
    }

    /// Every diagnostic rendered the Hurl way (`error: …`, ` --> file:line:col`, the line, a caret), secrets
    /// masked.
    public var renderedDiagnostics: String {
        diagnostics.map { $0.rendered(source: source, mask: mask) }.joined()
    }
}
