import NIOCore

/// What a connection's pipeline hands to the session loop.
enum ConnectionEvent: Sendable {
    /// Bytes from the client (decrypted when TLS is active).
    case bytes(ByteBuffer)
    /// The TLS handler is now in the pipeline: every `bytes` before this were plaintext sent
    /// after STARTTLS and are discarded; every `bytes` after it came through TLS.
    case tlsStarted
    /// Time to look at the connection's deadlines (see ``ConnectionDeadlines``).
    case tick
}
