/// A position in a source file: the file's path, and a 1-based line and column.
///
/// Every node the YAML reader produces keeps one, so every diagnostic and every failure
/// can point back at the exact place in the scenario a person wrote.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The path of the file, as the user named it.
    public var file: String
    /// The line, starting at 1.
    public var line: Int
    /// The column, starting at 1, counted in Unicode scalars as libyaml does.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form editors and terminals recognise.
    public var description: String { "\(file):\(line):\(column)" }
}
