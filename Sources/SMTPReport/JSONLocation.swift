import SMTPYAML

/// A place in a file, for JSON.
struct JSONLocation: Codable {
    var file: String
    var line: Int
    var column: Int

    init(_ location: SourceLocation) {
        file = location.file
        line = location.line
        column = location.column
    }
}
