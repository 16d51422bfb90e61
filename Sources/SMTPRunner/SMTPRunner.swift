/// Namespace for the `SMTPRunner` module's version information.
public enum SMTPRunnerModule {
    /// The module name, used in logs.
    public static let name = "SMTPRunner"
}
