import Foundation

extension RunReport {
    /// Renders the report in the destination's format and writes it, creating missing parent folders.
    ///
    /// - Throws: ``ReportWriteError`` when the file cannot be written.
    public func write(to destination: ReportDestination) throws(ReportWriteError) {
        try Self.writeFile(destination.format.render(self), to: destination.path)
    }

    /// Writes `text` as UTF-8 to `path`, creating missing parent folders.
    static func writeFile(_ text: String, to path: String) throws(ReportWriteError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ReportWriteError(path: path, error: error)
        }
    }
}

/// Renders `report` in the destination's format and writes it (the same as `report.write(to:)`).
///
/// - Throws: ``ReportWriteError`` when the file cannot be written.
public func write(_ report: RunReport, to destination: ReportDestination) throws(ReportWriteError) {
    try report.write(to: destination)
}
