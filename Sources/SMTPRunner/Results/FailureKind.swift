/// What kind of failure a step had; reports and the diagnosis pick their wording from it.
public enum FailureKind: Sendable, Hashable, Codable {
    /// A reply came back that the expectation does not accept.
    case unexpectedReply
    /// No (complete) reply arrived within the step's timeout.
    case timeout(limit: Duration)
    /// The connection could not be made.
    case connectionFailed(ConnectionFailureReason)
    /// The connection was made when the expectation said `no-connection`.
    case unexpectedConnection
    /// The server closed the connection where a reply was due.
    case connectionClosed
    /// The TLS handshake or certificate verification failed, or a TLS fact did not hold.
    case tlsFailure
    /// The server broke the protocol; `quoted` shows the offending bytes.
    case protocolDefect(quoted: String)
    /// The runner refused to send the step (nothing was sent).
    case localRefusal
    /// The reply came, but later than the step's `within`.
    case tooSlow(limit: Duration, took: Duration)

    /// A short name for the kind: `unexpected-reply`, `timeout`, `connection-failed`, …
    public var name: String {
        switch self {
        case .unexpectedReply: "unexpected-reply"
        case .timeout: "timeout"
        case .connectionFailed: "connection-failed"
        case .unexpectedConnection: "unexpected-connection"
        case .connectionClosed: "connection-closed"
        case .tlsFailure: "tls-failure"
        case .protocolDefect: "protocol-defect"
        case .localRefusal: "local-refusal"
        case .tooSlow: "too-slow"
        }
    }
}
