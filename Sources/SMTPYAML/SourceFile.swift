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

    /// Reads a file from disk, at most `maxBytes` of it.
    ///
    /// - Throws: ``Diagnostic`` naming the file when it cannot be read, is larger than `maxBytes` (placed at the
    ///   first byte past the limit; nothing past it is read) or is not UTF-8.
    public static func read(
        path: String,
        maxBytes: Int = InputLimits.standard.fileSize
    ) throws(Diagnostic) -> SourceFile {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic(
                message: "cannot read file '\(path)'",
                location: nil,
                note: "check that the path exists and is readable"
            )
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw Diagnostic(
                message: "cannot read file '\(path)'",
                location: nil,
                note: "check that the path exists and is readable"
            )
        }
        if data.count > maxBytes {
            throw oversize(path: path, bytes: data, limit: maxBytes)
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

    /// The error for a file larger than `limit` bytes, at its first byte past the limit.
    ///
    /// - Parameter bytes: the start of the file, at least `limit` bytes of it.
    static func oversize(path: String, bytes: some Collection<UInt8>, limit: Int) -> Diagnostic {
        var line = 1
        var column = 1
        for byte in bytes.prefix(limit) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // columns count Unicode scalars, as libyaml's do: skip UTF-8 continuation bytes
            }
        }
        return Diagnostic(
            message: "file is larger than \(InputLimits.bytes(limit))",
            location: SourceLocation(file: path, line: line, column: column),
            note: "smtpspec reads files of at most \(limit) bytes; this is the first byte past that. "
                + "A large message belongs in a file of its own: data: {file: …}"
        )
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
