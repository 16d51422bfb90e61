/// Why an IMAP session failed. No case ever carries the password.
public enum IMAPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The TCP connection could not be made (refused, unreachable, timed out, cannot resolve).
    case connectFailed(String)
    /// TLS could not be set up, the handshake failed, or the certificate did not verify.
    case tls(String)
    /// The server did not complete the command (its name, without arguments) in time.
    case timedOut(command: String)
    /// The server closed the connection.
    case closed
    /// Credentials would have been sent over a connection without TLS and
    /// ``IMAPConfiguration/allowPlaintext`` is off: nothing was sent.
    case plaintextRefused
    /// The server advertises LOGINDISABLED and no AUTH=PLAIN, so there is no way to log in.
    case loginDisabled
    /// The server refused the credentials; the server's text.
    case authenticationFailed(String)
    /// A command (its name, without arguments) ended with NO, BAD or BYE; the server's text.
    case commandFailed(command: String, status: String, text: String)
    /// The server sent something that is not IMAP, or not what the command allows.
    case protocolViolation(String)
    /// The server exceeded one of the ``IMAPLimits``.
    case limitExceeded(String)
    /// A value the caller gave cannot be sent (CR, LF, NUL or 8-bit in a quoted string, say).
    case invalidArgument(String)

    /// A sentence for a person.
    public var description: String {
        switch self {
        case .connectFailed(let reason): "IMAP: cannot connect: \(reason)"
        case .tls(let reason): "IMAP: TLS failed: \(reason)"
        case .timedOut(let command): "IMAP: no complete answer to \(command) in time"
        case .closed: "IMAP: the server closed the connection"
        case .plaintextRefused:
            "IMAP: refusing to send credentials over a connection without TLS (set allowPlaintext to allow it)"
        case .loginDisabled: "IMAP: the server advertises LOGINDISABLED and offers no AUTH=PLAIN"
        case .authenticationFailed(let text): "IMAP: login failed: \(text)"
        case .commandFailed(let command, let status, let text): "IMAP: \(command) failed: \(status) \(text)"
        case .protocolViolation(let what): "IMAP: protocol violation: \(what)"
        case .limitExceeded(let what): "IMAP: limit exceeded: \(what)"
        case .invalidArgument(let what): "IMAP: invalid argument: \(what)"
        }
    }
}
