/// A response code in brackets at the start of a status response's text, like `[CAPABILITY IMAP4rev1 ...]`
/// or `[AUTHENTICATIONFAILED]` (RFC 9051 §7.1).
public struct IMAPResponseCode: Sendable, Hashable {
    /// The code's name, upper-cased (`CAPABILITY`, `ALERT`, `UIDVALIDITY`, ...).
    public var name: String
    /// Whatever follows the name inside the brackets, as sent (empty when nothing does).
    public var arguments: String

    /// A response code.
    public init(name: String, arguments: String) {
        self.name = name
        self.arguments = arguments
    }

    /// The capabilities a `CAPABILITY` code lists; `nil` for any other code.
    public var capabilities: [String]? {
        guard name == "CAPABILITY" else { return nil }
        return arguments.split(separator: " ").map(String.init)
    }
}
