/// A `--report` value that is not `FORMAT:FILE` with a known format.
public struct ReportDestinationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value as given.
    public var text: String
    /// What is wrong with it.
    public var problem: String

    /// Creates an error.
    public init(text: String, problem: String) {
        self.text = text
        self.problem = problem
    }

    /// `invalid report 'xml:out': unknown report format 'xml' (use junit:FILE, json:FILE, tap:FILE or html:FILE)`.
    public var description: String {
        let forms = ReportFormat.allCases.map { "\($0.rawValue):FILE" }
        let list = forms.dropLast().joined(separator: ", ") + " or " + (forms.last ?? "")
        return "invalid report '\(text)': \(problem) (use \(list))"
    }
}
