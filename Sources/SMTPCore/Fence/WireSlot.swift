/// Where a value lands on the wire. Each slot has one rule in ``WireFence`` saying which characters it can never
/// hold.
public enum WireSlot: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A command line or an argument of one: EHLO/HELO/LHLO, MAIL FROM and its parameters, RCPT TO and its
    /// parameters, VRFY, EXPN, HELP, NOOP and `send`.
    case commandLine = "command argument"
    /// The host `open` connects to (or the domain whose MX hosts it looks up, or the TLS server name).
    case host
    /// The name of a message header field.
    case headerName = "header name"
    /// The value of a message header field (`subject`, `from`, `to`, `headers`).
    case headerValue = "header value"
    /// An AUTH user name, password or token.
    case credential
    /// The text of a message sent after DATA (headers and body).
    case messageText = "message"
    /// A BDAT chunk (RFC 3030): counted octets, binary included.
    case chunk = "BDAT chunk"

    /// The slot's name in a sentence.
    public var description: String { rawValue }
}
