/// The outcome of one case of a scenario.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every step got what it expected.
    case passed
    /// A step got something other than what it expected: a reply, a timeout, a refused connection, a TLS
    /// failure or a protocol defect of the server.
    case failed
    /// The case could not be played as written: the runner refused to send something (AUTH before TLS, a
    /// pipeline without PIPELINING, a line a capture broke) or a local resource was unusable (a CA file).
    case error
}
