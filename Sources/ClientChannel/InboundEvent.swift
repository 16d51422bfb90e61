import NIOCore

/// What a client connection's inbound stream delivers: the server's bytes (decrypted once TLS is on), and markers
/// ``InboundEventHandler`` puts in order with them. Shared by the SMTP runner and the IMAP client.
public enum InboundEvent: Sendable {
    /// Bytes from the server.
    case bytes(ByteBuffer)
    /// The TLS handler was added: every `bytes` before this arrived in plaintext.
    case tlsBoundary
    /// The TLS handshake completed.
    case tlsHandshakeCompleted
    /// The read deadline with this number passed.
    case deadline(UInt64)
}
