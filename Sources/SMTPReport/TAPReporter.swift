/// Renders a run as TAP version 14: one test point per case.
public enum TAPReporter {
    /// The TAP document for `report`.
    public static func render(_ report: RunReport) -> String {
        report.mask.applyToRendered("TAP version 14\n1..0\n")
    }
}
