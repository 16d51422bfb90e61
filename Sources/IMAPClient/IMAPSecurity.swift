/// How an IMAP connection is protected.
public enum IMAPSecurity: String, Sendable, Hashable, CaseIterable {
    /// Plain TCP throughout. Logging in then needs ``IMAPConfiguration/allowPlaintext``.
    case none
    /// Plain TCP, then the STARTTLS command and a TLS handshake before logging in (RFC 9051 §6.2.1).
    case starttls
    /// TLS from the first octet (IMAPS, RFC 8314), normally on port 993.
    case implicit
}
