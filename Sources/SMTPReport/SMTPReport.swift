/// Namespace for the `SMTPReport` module's version information.
public enum SMTPReportModule {
    /// The module name, used in logs.
    public static let name = "SMTPReport"
}
