/// A persona's TLS settings.
public struct PersonaTLS: Sendable, Hashable {
    /// Whether STARTTLS is accepted (it is offered only when the capabilities list it too).
    public var starttls: Bool
    /// Whether the server speaks TLS from the first byte (SMTPS, port 465 style).
    public var implicit: Bool
    /// Whether MAIL is refused until TLS is active.
    public var required: Bool
    /// A PEM certificate chain file; `nil` to use the server's certificate (given or generated).
    public var certificatePath: String?
    /// The PEM private key file for ``certificatePath``.
    public var keyPath: String?

    /// Creates TLS settings.
    public init(
        starttls: Bool = true,
        implicit: Bool = false,
        required: Bool = false,
        certificatePath: String? = nil,
        keyPath: String? = nil
    ) {
        self.starttls = starttls
        self.implicit = implicit
        self.required = required
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }
}
