/// Finds the second occurrence of a duplicated block-mapping key, so the diagnostic can point at
/// the repeat rather than the original. libyaml's composer only reports the first.
enum DuplicateKeyFinder {
    /// The line and column of the next `key:` at the same column after `first`, within the same
    /// block (before a line that is indented less), or `nil` when it cannot be found.
    static func secondOccurrence(
        of key: String,
        after first: (line: Int, column: Int),
        in source: SourceFile
    ) -> (line: Int, column: Int)? {
        guard first.line >= 1 else { return nil }
        let column = first.column
        var line = first.line + 1
        while let text = source.line(line) {
            let scalars = Array(text.unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            let isBlank = indent == scalars.count || scalars.dropFirst(indent).first == "#"
            if !isBlank {
                if indent + 1 < column, !(indent + 2 == column && scalars.dropFirst(indent).first == "-") {
                    return nil
                }
                let rest = String(String.UnicodeScalarView(scalars.dropFirst(column - 1)))
                for candidate in [key, "'\(key)'", "\"\(key)\""] where rest.hasPrefix(candidate + ":") {
                    return (line, column)
                }
            }
            line += 1
        }
        return nil
    }
}
