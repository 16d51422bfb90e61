import Foundation

/// The text of one source file, kept so diagnostics can quote the line they point at.
public struct SourceFile: Sendable, Hashable {
    /// The path of the file, as the user named it.
    public var path: String
    /// The whole text of the file.
    public var text: String
    /// The file's lines, without their line terminators.
    public let lines: [Substring]

    /// Creates a source file from text already in memory.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    }

    /// Reads a file from disk.
    ///
    /// - Throws: ``Diagnostic`` naming the file when it cannot be read or is not UTF-8.
    public static func read(path: String) throws(Diagnostic) -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(
                message: "cannot read file '\(path)'",
                location: nil,
                note: "check that the path exists and is readable"
            )
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(
                message: "file '\(path)' is not valid UTF-8",
                location: SourceLocation(file: path, line: 1, column: 1),
                note: "scenario files must be UTF-8 text"
            )
        }
        return SourceFile(path: path, text: text)
    }

    /// The text of a 1-based line, or `nil` when the file has no such line.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// A location in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}
