/// The condition of a status response (RFC 9051 §7.1).
public enum IMAPStatus: String, Sendable, Hashable {
    /// The command succeeded, or an informational message.
    case ok = "OK"
    /// The command failed for an operational reason.
    case no = "NO"
    /// The command was not understood, or a protocol-level error.
    case bad = "BAD"
    /// The server is closing the connection (untagged only).
    case bye = "BYE"
    /// The greeting: the connection is already authenticated (untagged only).
    case preauth = "PREAUTH"
}
