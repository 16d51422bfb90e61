/// Where in a step a transport failure happened.
public enum FailurePhase: String, Sendable, Hashable, CaseIterable {
    /// Resolving and connecting (TCP, and the TLS handshake of implicit TLS).
    case connect
    /// The TLS handshake after STARTTLS, or of implicit TLS once connected.
    case tlsHandshake = "tls-handshake"
    /// Waiting for the server's greeting after the connection was made.
    case greeting
    /// Sending a command or waiting for its reply.
    case command
    /// Sending the message after 354, or waiting for the reply to its final dot (or to BDAT LAST).
    case data
}
