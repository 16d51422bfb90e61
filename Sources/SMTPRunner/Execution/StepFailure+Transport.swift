import SMTPCore

extension TransportError {
    /// The error in one sentence, for a step failing in `phase`.
    func sentence(phase: FailurePhase) -> String {
        switch self {
        case .timedOut(let limit):
            switch phase {
            case .greeting: return "connected, but no greeting within \(limit.shortText)"
            case .connect: return "no connection within \(limit.shortText)"
            case .tlsHandshake: return "the TLS handshake did not finish within \(limit.shortText)"
            case .command: return "no complete reply within \(limit.shortText) (the step's timeout)"
            case .data: return "no reply to the end of data within \(limit.shortText) (the step's timeout)"
            }
        case .closed:
            switch phase {
            case .greeting: return "the server closed the connection without a greeting"
            default: return "the server closed the connection instead of replying"
            }
        case .defect(let defect): return "protocol defect: \(defect)"
        case .tls(let reason): return reason
        case .local(let reason): return reason
        case .connectFailed(_, let detail): return detail
        }
    }

    /// The bytes a protocol defect is about, as received; `nil` for other errors.
    public var offendingText: String? {
        guard case .defect(let defect) = self else { return nil }
        switch defect {
        case .lineTooLong(let octets): return "(a line of \(octets) octets)"
        case .bareLineFeed(let line): return line
        case .malformedReplyLine(let line): return line
        case .mixedCodes(_, let line): return line
        case .enhancedCodeClassMismatch(let code, let enhanced): return "\(code) \(enhanced)"
        case .connectionClosedMidReply(let partial): return partial.joined(separator: "\n")
        case .plaintextAfterStartTLS(let octets): return "(\(octets) octets of plaintext)"
        case .replyTooLong(_, _, let start): return start.joined(separator: "\n")
        }
    }
}
