import SMTPCore

/// Why the runner refused to play a step: nothing of the step was sent. Typed, so that the diagnosis and the
/// reports can tell the reasons apart without reading the sentence back.
public enum Refusal: Sendable, Hashable, CustomStringConvertible {
    /// A value became unsendable once the captures it holds were filled in: SMTPCore's ``WireFence`` refused the
    /// character it got from the reply (`what` names the place: "the command line", "header 'Subject'").
    case fence(WireFenceViolation, what: String, captures: [String])
    /// The step needs a capture that no earlier reply provided.
    case missingCapture(name: String)
    /// AUTH on a connection without TLS, and the step does not say `allow-plaintext: true`.
    case plaintextAuth
    /// The server agreed to STARTTLS on a connection that already uses TLS (RFC 3207 §4.2).
    case startTLSOnTLS
    /// The server did not advertise PIPELINING and the pipeline is not forced.
    case pipeliningNotAdvertised
    /// A step that cannot be part of a pipeline.
    case notPipelinable(verb: String)
    /// A `bdat` step with no chunks.
    case noChunks
    /// A step that needs a connection comes before any `open` (or after the connection closed).
    case noConnection
    /// An `open` while a connection is open.
    case alreadyConnected
    /// An await step's Message-ID, filled in at run time, is not an RFC 5322 msg-id, so no message can be found
    /// by it.
    case invalidMessageID

    /// The refusal in one sentence, never quoting the refused value (it may hold a secret).
    public var description: String {
        switch self {
        case .fence(let violation, let what, let captures):
            let names = captures.map { "${\($0)}" }.joined(separator: ", ")
            let filled = captures.isEmpty ? "" : " with \(names) filled in from the server's reply"
            return "refused to send \(what)\(filled): it holds \(violation.characterName); \(violation.reason)"
        case .missingCapture(let name):
            return "refused to send: the variable ${\(name)} was never captured (its pattern matched no earlier reply)"
        case .plaintextAuth:
            return "refused to send AUTH over a connection without TLS (credentials would travel in clear); add "
                + "a `starttls` step first, or `allow-plaintext: true` to the auth step"
        case .startTLSOnTLS:
            return "the server agreed to STARTTLS on a connection that already uses TLS (RFC 3207 §4.2)"
        case .pipeliningNotAdvertised:
            return "refused to pipeline: the server did not advertise PIPELINING in its last EHLO reply (write "
                + "`force: true` on the pipeline to send the group anyway)"
        case .notPipelinable(let verb):
            return "\(verb) cannot be part of a pipeline"
        case .noChunks:
            return "bdat has no chunks"
        case .noConnection:
            return "no connection is open: this step comes before any `open` (or after the connection closed)"
        case .alreadyConnected:
            return "a connection is already open"
        case .invalidMessageID:
            return "the message's Message-ID is not an RFC 5322 msg-id (<left@right>), so it cannot be looked for"
        }
    }

    /// The refusal with `transform` applied to the texts it carries (the report masks secrets with it).
    public func mapTexts(_ transform: (String) -> String) -> Refusal {
        switch self {
        case .fence(let violation, let what, let captures):
            return .fence(violation, what: transform(what), captures: captures)
        case .notPipelinable(let verb): return .notPipelinable(verb: transform(verb))
        default: return self
        }
    }
}
