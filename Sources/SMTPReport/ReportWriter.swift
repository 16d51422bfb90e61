/// One report format written a case at a time: an opening that may use the run's totals, a piece per case in
/// suite order, and a closing. The cases come from memory, from a run's spool or from merged shards; the
/// writer holds no more than the case in hand.
protocol ReportWriter {
    /// Everything before the first case.
    mutating func begin(_ context: ReportContext) -> String
    /// One case.
    mutating func write(_ record: JSONCaseRecord, _ context: ReportContext) -> String
    /// One case as a run's spool or a merge hands it over: its JSON text, the pieces rendered as it ended, and its
    /// record, decoded only when asked for.
    mutating func write(_ spooled: SpooledCase, _ context: ReportContext) throws -> String
    /// Everything after the last case.
    mutating func end(_ context: ReportContext) -> String
}

extension ReportWriter {
    /// Writes the case's record, decoded for the purpose.
    mutating func write(_ spooled: SpooledCase, _ context: ReportContext) throws -> String {
        write(try spooled.record(), context)
    }
}

extension ReportFormat {
    /// A fresh writer of this format.
    func makeWriter() -> any ReportWriter {
        switch self {
        case .junit: JUnitReporter.Writer()
        case .json: JSONReporter.Writer()
        case .tap: TAPReporter.Writer()
        case .html: HTMLReporter.Writer(title: HTMLReporter.defaultTitle)
        }
    }
}
