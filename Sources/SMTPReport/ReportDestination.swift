import Foundation

/// Where one `--report FORMAT:FILE` option asks for a report: `junit:out.xml`, `json:report.json`,
/// `tap:report.tap`, `html:report.html`.
public struct ReportDestination: Sendable, Hashable, CustomStringConvertible {
    /// The report's format.
    public var format: ReportFormat
    /// The file to write, as given.
    public var path: String

    /// Creates a destination.
    public init(format: ReportFormat, path: String) {
        self.format = format
        self.path = path
    }

    /// Parses `FORMAT:FILE`, where FORMAT is `junit`, `json`, `tap` or `html` (any case) and FILE is not empty.
    ///
    /// - Throws: ``ReportDestinationError`` naming what is wrong and the accepted forms.
    public init(parsing text: String) throws(ReportDestinationError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw ReportDestinationError(text: text, problem: "expected FORMAT:FILE")
        }
        let name = text[..<colon].lowercased()
        let path = String(text[text.index(after: colon)...])
        guard let format = ReportFormat(rawValue: name) else {
            throw ReportDestinationError(text: text, problem: "unknown report format '\(name)'")
        }
        guard !path.isEmpty else {
            throw ReportDestinationError(text: text, problem: "no file after '\(name):'")
        }
        self.init(format: format, path: path)
    }

    /// `junit:out.xml`.
    public var description: String { "\(format.rawValue):\(path)" }
}
