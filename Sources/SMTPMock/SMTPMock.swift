/// Namespace for the `SMTPMock` module's version information.
public enum SMTPMockModule {
    /// The module name, used in logs.
    public static let name = "SMTPMock"
}
