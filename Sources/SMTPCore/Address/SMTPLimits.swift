/// The size limits of RFC 5321 §4.5.3.1, in octets.
public enum SMTPLimits {
    /// A command line, including the command word and CRLF (§4.5.3.1.4).
    public static let commandLine = 512
    /// An AUTH command line or a SASL response line, including CRLF: RFC 4954 §4 asks servers to accept at least
    /// 12,288 octets, for mechanisms with large tokens.
    public static let authLine = 12_288
    /// A reply line, including the reply code and CRLF (§4.5.3.1.5).
    public static let replyLine = 512
    /// A text line of the message, including CRLF (§4.5.3.1.6).
    public static let textLine = 1000
    /// A local-part (§4.5.3.1.1).
    public static let localPart = 64
    /// A domain (§4.5.3.1.2).
    public static let domain = 255
    /// A reverse-path or forward-path, including the angle brackets (§4.5.3.1.3).
    public static let path = 256
    /// A domain label (RFC 1035 §2.3.4).
    public static let label = 63
    /// The recipients a server must accept in one transaction (§4.5.3.1.8).
    public static let recipients = 100
    /// An ORCPT value (RFC 3461 §4.2).
    public static let originalRecipient = 500
    /// An ENVID value (RFC 3461 §4.4).
    public static let envelopeID = 100
}
