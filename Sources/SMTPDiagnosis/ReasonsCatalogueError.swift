import SMTPYAML

/// A reasons file that cannot be used: its diagnostics, and the file they point into so they can be rendered
/// with the offending line.
public struct ReasonsCatalogueError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in source order.
    public var diagnostics: [Diagnostic]
    /// The file, when it could be read.
    public var source: SourceFile?

    /// Creates an error.
    public init(diagnostics: [Diagnostic], source: SourceFile?) {
        self.diagnostics = diagnostics
        self.source = source
    }

    /// Every diagnostic rendered the Hurl way, one after another.
    public var rendered: String {
        diagnostics.map { $0.rendered(source: source) }.joined(separator: "\n")
    }

    /// One line per diagnostic.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
