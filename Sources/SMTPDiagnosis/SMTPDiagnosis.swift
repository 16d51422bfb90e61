/// Namespace for the `SMTPDiagnosis` module's version information.
public enum SMTPDiagnosisModule {
    /// The module name, used in logs.
    public static let name = "SMTPDiagnosis"
}
