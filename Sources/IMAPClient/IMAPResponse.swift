/// One complete server response, literals included.
public enum IMAPResponse: Sendable, Hashable {
    /// `+ text`: the server waits for more from the client (a literal, or a SASL challenge in base64).
    case continuation(String)
    /// `TAG OK|NO|BAD ...`: the end of the command with that tag.
    case tagged(tag: String, IMAPStatusResponse)
    /// `* ...`: data or status the server sends on its own or for a command.
    case untagged(IMAPUntaggedResponse)
}
