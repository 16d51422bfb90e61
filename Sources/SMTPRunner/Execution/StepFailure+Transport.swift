import SMTPCore

extension StepFailure {
    /// The failure a transport error means for a step that sent `command`.
    init(_ error: TransportError, command: String) {
        switch error {
        case .timedOut(let limit):
            self.init(
                kind: .timeout(limit: limit),
                message: "no complete reply to \(command) within \(limit.shortText) (the step's timeout)"
            )
        case .closed:
            self.init(
                kind: .connectionClosed,
                message: "the server closed the connection instead of replying to \(command)"
            )
        case .defect(let defect):
            self.init(kind: .protocolDefect(quoted: Self.offendingText(defect)), message: "protocol defect: \(defect)")
        case .tls(let reason):
            self.init(kind: .tlsFailure, message: reason)
        case .local(let reason):
            self.init(kind: .localRefusal, message: reason)
        case .connectFailed(let reason, let detail):
            self.init(kind: .connectionFailed(reason), message: detail)
        }
    }

    /// The bytes a defect is about, as received.
    static func offendingText(_ defect: ProtocolDefect) -> String {
        switch defect {
        case .lineTooLong(let octets): return "(a line of \(octets) octets)"
        case .bareLineFeed(let line): return line
        case .malformedReplyLine(let line): return line
        case .mixedCodes(_, let line): return line
        case .enhancedCodeClassMismatch(let code, let enhanced): return "\(code) \(enhanced)"
        case .connectionClosedMidReply(let partial): return partial.joined(separator: "\n")
        case .plaintextAfterStartTLS(let octets): return "(\(octets) octets of plaintext)"
        }
    }
}
