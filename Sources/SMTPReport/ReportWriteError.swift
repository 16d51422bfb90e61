/// A report file that could not be written.
public struct ReportWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path that could not be written.
    public var path: String
    /// What the system said.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `cannot write report.xml: …`.
    public var description: String { "cannot write \(path): \(reason)" }
}
