/// One account a persona accepts for AUTH. The password never appears in logs or replies.
public struct PersonaUser: Sendable, Hashable, CustomStringConvertible {
    /// The user name (SASL authentication identity).
    public var username: String
    /// The password.
    public var password: String

    /// Creates an account.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The user name only: the password is a secret.
    public var description: String { "PersonaUser(\(username))" }
}
