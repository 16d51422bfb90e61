/// Renders a run as JSON, as described by `Grammar/report.schema.json`.
public enum JSONReporter {
    /// The JSON document for `report`.
    public static func render(_ report: RunReport) -> String {
        report.mask.applyToRendered("{}\n")
    }
}
