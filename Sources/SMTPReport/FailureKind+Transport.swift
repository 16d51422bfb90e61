import SMTPDiagnosis
import SMTPRunner

extension FailureKind {
    /// The transport failure the reasons catalogue knows this kind as, or `nil` when a reply was judged (an
    /// unexpected reply, an unexpected connection) or nothing was sent (the runner refused the step).
    var transportFailure: TransportFailureKind? {
        switch self {
        case .timeout, .tooSlow: .timeout
        case .connectionFailed(let reason):
            switch reason {
            case .refused: .refused
            case .unreachable, .other: .unreachable
            case .dnsFailure: .dnsFailure
            case .timeout: .timeout
            }
        case .connectionClosed: .closed
        case .tlsFailure: .tlsFailure
        case .protocolDefect: .protocolDefect
        case .unexpectedReply, .unexpectedConnection, .localRefusal: nil
        }
    }

    /// Whether the kind is a transport or runtime error (JUnit `<error>`) rather than an assertion failure.
    var isError: Bool {
        switch self {
        case .unexpectedReply, .unexpectedConnection, .tooSlow: false
        case .timeout, .connectionFailed, .connectionClosed, .tlsFailure, .protocolDefect, .localRefusal: true
        }
    }
}
