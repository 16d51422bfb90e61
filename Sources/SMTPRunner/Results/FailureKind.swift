/// What kind of failure a step had, from its first mismatch: how JUnit, TAP and the case status classify it.
public enum FailureKind: Sendable, Hashable {
    /// A reply came back that the expectation does not accept (code, text, capabilities, an LMTP recipient).
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
    /// The server broke the protocol.
    case protocolDefect
    /// The runner refused to send the step (nothing was sent).
    case localRefusal
    /// The reply came, but later than the step's `within`.
    case tooSlow(limit: Duration, took: Duration)
    /// The awaited message (or notification) did not arrive in time.
    case notArrived
    /// A message arrived, but not as the step expected (or where it expected none).
    case unexpectedMessage
    /// The place where mail arrives could not be read.
    case messageSourceFailed

    /// The kind of a mismatch.
    init(_ mismatch: Mismatch) {
        switch mismatch {
        case .reply, .replyText, .capabilityMissing, .capabilityParameter, .capabilityComparison,
            .capabilityPresent, .recipientReply:
            self = .unexpectedReply
        case .tls: self = .tlsFailure
        case .tooSlow(let limit, let took, _): self = .tooSlow(limit: limit, took: took)
        case .unexpectedConnection: self = .unexpectedConnection
        case .enhancedCodeContradiction: self = .protocolDefect
        case .refused: self = .localRefusal
        case .notArrived: self = .notArrived
        case .arrivedUnexpectedly, .arrivedForOthers, .header, .body, .envelopeFrom, .notificationAction,
            .notificationStatus, .notificationRecipient:
            self = .unexpectedMessage
        case .sourceFailed: self = .messageSourceFailed
        case .transport(let error, _):
            switch error {
            case .connectFailed(let reason, _): self = .connectionFailed(reason)
            case .timedOut(let limit): self = .timeout(limit: limit)
            case .closed: self = .connectionClosed
            case .defect: self = .protocolDefect
            case .tls: self = .tlsFailure
            case .local: self = .localRefusal
            }
        }
    }

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
        case .notArrived: "not-arrived"
        case .unexpectedMessage: "unexpected-message"
        case .messageSourceFailed: "message-source-failed"
        }
    }

    /// Whether the kind is a transport or runtime error (JUnit `<error>`) rather than an assertion failure.
    public var isError: Bool {
        switch self {
        case .unexpectedReply, .unexpectedConnection, .tooSlow, .notArrived, .unexpectedMessage: false
        case .timeout, .connectionFailed, .connectionClosed, .tlsFailure, .protocolDefect, .localRefusal,
            .messageSourceFailed:
            true
        }
    }
}
