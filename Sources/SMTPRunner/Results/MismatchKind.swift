/// The kinds of mismatch, as the reasons catalogue's `mismatches:` section and the JSON report name them. Each
/// has its own meaning and possible reasons in the catalogue (`smtpspec explain --mismatch KIND`).
public enum MismatchKind: String, Sendable, Hashable, CaseIterable {
    /// The reply code or enhanced code was not expected (explained by the reply's own catalogue entries).
    case reply
    /// The reply text did not match `text:`.
    case text
    /// A required EHLO capability is not advertised.
    case capabilityMissing = "capability-missing"
    /// A capability lacks a required parameter.
    case capabilityParameter = "capability-parameter"
    /// A capability's number fails its comparison.
    case capabilityComparison = "capability-comparison"
    /// A capability that should be absent is advertised.
    case capabilityPresent = "capability-present"
    /// The TLS handshake or certificate verification failed.
    case tlsHandshake = "tls-handshake"
    /// The certificate does not name the server.
    case tlsName = "tls-name"
    /// The certificate expires sooner (or later) than `valid-days` allows.
    case tlsValidDays = "tls-valid-days"
    /// An older TLS version than required was negotiated.
    case tlsVersion = "tls-version"
    /// The certificate subject does not match.
    case tlsSubject = "tls-subject"
    /// The certificate issuer does not match.
    case tlsIssuer = "tls-issuer"
    /// A required subject alternative name is missing.
    case tlsSAN = "tls-san"
    /// The negotiated cipher suite does not match.
    case tlsCipher = "tls-cipher"
    /// TLS checks on a connection without TLS.
    case tlsAbsent = "tls-absent"
    /// A reply came later than `within`.
    case tooSlow = "too-slow"
    /// The greeting came later than `within`.
    case greetingTooSlow = "greeting-too-slow"
    /// Connected, but no greeting came within the step's timeout.
    case greetingTimeout = "greeting-timeout"
    /// No reply came within the step's timeout.
    case timeout
    /// The connection could not be made (refused, unreachable, DNS failure, connect timeout).
    case connectionFailed = "connection-failed"
    /// The server closed the connection where a reply was due.
    case connectionClosed = "connection-closed"
    /// The server broke the protocol.
    case protocolDefect = "protocol-defect"
    /// An LMTP recipient's reply after the message was not expected.
    case recipientReply = "recipient-reply"
    /// A connection was made where the step expected none.
    case unexpectedConnection = "unexpected-connection"
    /// The runner refused to play the step.
    case refused
    /// This case's message did not arrive in time.
    case messageNotArrived = "message-not-arrived"
    /// No delivery status notification for this case's message arrived in time.
    case notificationNotArrived = "dsn-not-arrived"
    /// A message (or notification) arrived where the step expected none.
    case unexpectedArrival = "unexpected-arrival"
    /// The message arrived, but for other recipients than the step's `to`.
    case messageRecipient = "message-recipient"
    /// A header of the arrived message fails its check.
    case messageHeader = "message-header"
    /// The arrived message's body does not match.
    case messageBody = "message-body"
    /// The arrived message's reverse-path is not the expected one.
    case messageEnvelope = "message-envelope"
    /// The notification reports another action than expected.
    case notificationAction = "dsn-action"
    /// The notification reports another status than expected.
    case notificationStatus = "dsn-status"
    /// The notification is about other recipients than expected.
    case notificationRecipient = "dsn-recipient"
    /// The place where mail arrives could not be read.
    case messageSource = "message-source"

    /// The keyword.
    public var keyword: String { rawValue }

    init(_ fact: TLSFactMismatch.Fact) {
        switch fact {
        case .validDays: self = .tlsValidDays
        case .version: self = .tlsVersion
        case .subject: self = .tlsSubject
        case .issuer: self = .tlsIssuer
        case .san: self = .tlsSAN
        case .cipher: self = .tlsCipher
        case .name: self = .tlsName
        case .noTLS: self = .tlsAbsent
        }
    }

    init(_ error: TransportError, phase: FailurePhase) {
        switch error {
        case .connectFailed: self = .connectionFailed
        case .timedOut: self = phase == .greeting ? .greetingTimeout : .timeout
        case .closed: self = .connectionClosed
        case .defect: self = .protocolDefect
        case .tls: self = .tlsHandshake
        case .local: self = .refused
        }
    }
}
