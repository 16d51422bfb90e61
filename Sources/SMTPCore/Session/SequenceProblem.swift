/// Why RFC 5321 sequencing (or an extension's) says a command cannot succeed in the current state.
/// Negative tests send such commands on purpose, expecting a failure.
public enum SequenceProblem: Sendable, Hashable, CustomStringConvertible {
    /// No connection: `open` first.
    case notConnected
    /// The connection is closed (after 221 or 421).
    case connectionClosed
    /// A command before the server's greeting.
    case greetingNotReceived
    /// The greeting refused service (554): only QUIT makes sense.
    case serviceRefused
    /// MAIL before EHLO/HELO (RFC 5321 §4.1.4).
    case mailBeforeHello
    /// MAIL while a transaction is open (RFC 5321 §4.1.4: nested MAIL).
    case nestedMail
    /// RCPT before a successful MAIL.
    case rcptBeforeMail
    /// DATA (or BDAT) before any recipient was accepted.
    case dataBeforeRecipient(CommandKind)
    /// DATA after BDAT in the same transaction, or BDAT after DATA was refused mid-chunking (RFC 3030 §2).
    case dataAfterBdat
    /// A command other than the message while the message is expected after 354.
    case messageExpected
    /// AUTH or another extension command after HELO or before EHLO: extensions need EHLO.
    case extensionBeforeEHLO(CommandKind)
    /// AUTH after a successful AUTH (RFC 4954 §4).
    case alreadyAuthenticated
    /// AUTH inside a mail transaction (RFC 4954 §4).
    case authDuringTransaction
    /// STARTTLS with TLS already active (RFC 3207 §4.2).
    case tlsAlreadyActive
    /// The server's EHLO reply did not advertise the extension the command needs.
    case extensionNotAdvertised(keyword: String)

    /// What is wrong, with the rule.
    public var description: String {
        switch self {
        case .notConnected: return "not connected: open a connection first"
        case .connectionClosed: return "the connection is already closed"
        case .greetingNotReceived: return "sent before the server's greeting (RFC 5321 §3.1)"
        case .serviceRefused: return "the server refused service in its greeting; only QUIT is answered (RFC 5321 §3.1)"
        case .mailBeforeHello: return "MAIL before EHLO or HELO (RFC 5321 §4.1.4)"
        case .nestedMail: return "MAIL inside a mail transaction; RSET or finish it first (RFC 5321 §4.1.4)"
        case .rcptBeforeMail: return "RCPT before a successful MAIL (RFC 5321 §4.1.4)"
        case .dataBeforeRecipient(let kind): return "\(kind) before any recipient was accepted (RFC 5321 §4.1.1.4)"
        case .dataAfterBdat: return "DATA and BDAT mixed in one transaction (RFC 3030 §2)"
        case .messageExpected: return "a command sent where the message was expected after 354"
        case .extensionBeforeEHLO(let kind): return "\(kind) is an ESMTP extension and needs a successful EHLO first"
        case .alreadyAuthenticated: return "AUTH after a successful AUTH (RFC 4954 §4)"
        case .authDuringTransaction: return "AUTH during a mail transaction (RFC 4954 §4)"
        case .tlsAlreadyActive: return "STARTTLS with TLS already active (RFC 3207 §4.2)"
        case .extensionNotAdvertised(let keyword): return "the server did not advertise \(keyword) in its EHLO reply"
        }
    }
}
