/// Writes one plain-text transcript file per case (`--transcripts DIR`).
public enum TranscriptWriter {
    /// Writes a file per case into `directory` (created when missing) and returns the paths written.
    ///
    /// - Throws: ``ReportWriteError`` when a file cannot be written.
    @discardableResult
    public static func write(_ report: RunReport, to directory: String) throws(ReportWriteError) -> [String] {
        []
    }
}
