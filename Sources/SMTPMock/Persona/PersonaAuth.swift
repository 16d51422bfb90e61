/// A persona's authentication settings.
public struct PersonaAuth: Sendable, Hashable {
    /// Whether MAIL is refused until the client has authenticated.
    public var required: Bool
    /// The accounts AUTH PLAIN and AUTH LOGIN accept.
    public var users: [PersonaUser]

    /// Creates authentication settings.
    public init(required: Bool = false, users: [PersonaUser] = []) {
        self.required = required
        self.users = users
    }

    /// Whether `username` and `password` name one of ``users``.
    public func accepts(username: String, password: String) -> Bool {
        users.contains { $0.username == username && $0.password == password }
    }
}
