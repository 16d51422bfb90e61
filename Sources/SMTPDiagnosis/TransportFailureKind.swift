/// Ways a step can fail before any SMTP reply could be read, as the reasons catalogue keys them.
public enum TransportFailureKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The connection was refused (nothing listens on the port).
    case refused
    /// The host or network could not be reached.
    case unreachable
    /// The host name or the domain's MX records could not be resolved.
    case dnsFailure = "dns-failure"
    /// No complete reply arrived within the step's limit.
    case timeout
    /// The TLS handshake failed.
    case tlsFailure = "tls-failure"
    /// The server sent something that is not a valid SMTP reply, or sent it at the wrong time.
    case protocolDefect = "protocol-defect"
    /// The server closed the connection without a reply.
    case closed

    /// The keyword as written in a catalogue.
    public var keyword: String { rawValue }
}
