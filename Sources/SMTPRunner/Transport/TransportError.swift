import SMTPCore

/// Why the transport could not deliver a reply or complete an operation.
public enum TransportError: Error, Sendable, Hashable {
    /// Connecting failed.
    case connectFailed(ConnectionFailureReason, String)
    /// No complete reply (or handshake) within the limit.
    case timedOut(Duration)
    /// The server closed the connection; `partial` is what it had sent of an unfinished reply, if anything.
    case closed
    /// The server broke the reply grammar or framing.
    case defect(ProtocolDefect)
    /// TLS could not be set up or verified.
    case tls(String)
    /// The local side could not do what was asked (a CA file that cannot be read, a write on a closed channel).
    case local(String)
}
