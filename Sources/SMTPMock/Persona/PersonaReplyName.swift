/// The name of each reply a persona can reword, as written under `replies:` in a persona file.
public enum PersonaReplyName: String, Sendable, Hashable, CaseIterable {
    /// First line of the EHLO reply (the capabilities follow).
    case ehlo = "ehlo"
    /// The HELO reply.
    case helo = "helo"
    /// The EHLO/HELO argument is not a domain or address literal.
    case badHelo = "bad-helo"
    /// MAIL accepted.
    case mailOK = "mail-ok"
    /// RCPT accepted.
    case rcptOK = "rcpt-ok"
    /// DATA accepted: send the message.
    case dataStart = "data-start"
    /// The message was accepted.
    case queued = "queued"
    /// A BDAT chunk that is not the last was received.
    case bdatOK = "bdat-ok"
    /// RSET.
    case rsetOK = "rset-ok"
    /// NOOP.
    case noopOK = "noop-ok"
    /// VRFY of a known mailbox.
    case vrfyOK = "vrfy-ok"
    /// VRFY of anything else.
    case vrfyUnknown = "vrfy-unknown"
    /// HELP.
    case help = "help"
    /// QUIT.
    case quit = "quit"
    /// The reverse-path is not a valid address.
    case badSender = "bad-sender"
    /// The reverse-path's domain is not an accepted sender domain.
    case senderRejected = "sender-rejected"
    /// A forward-path is not a valid address.
    case badRecipient = "bad-recipient"
    /// The recipient is in a local domain but is not a known mailbox.
    case unknownUser = "unknown-user"
    /// The recipient is in a domain the server does not serve, and relaying is off.
    case relayDenied = "relay-denied"
    /// Greylisting: the first attempt for this sender and recipient.
    case greylisted = "greylisted"
    /// Too many recipients in one transaction.
    case tooManyRecipients = "too-many-recipients"
    /// MAIL/RCPT/DATA/AUTH syntax error.
    case syntaxError = "syntax-error"
    /// DATA, RSET, QUIT or STARTTLS given an argument.
    case noArguments = "no-arguments"
    /// An unknown command.
    case unknownCommand = "unknown-command"
    /// A command known but not implemented (EXPN).
    case notImplemented = "not-implemented"
    /// A command line over 512 octets.
    case lineTooLong = "line-too-long"
    /// A text line of the message over 1000 octets.
    case textLineTooLong = "text-line-too-long"
    /// MAIL before EHLO/HELO.
    case needHelo = "need-helo"
    /// RCPT or DATA without MAIL.
    case needMail = "need-mail"
    /// DATA without any accepted RCPT.
    case needRcpt = "need-rcpt"
    /// DATA when every RCPT was refused.
    case noValidRecipients = "no-valid-recipients"
    /// MAIL inside a transaction.
    case nestedMail = "nested-mail"
    /// DATA after BDAT, BDAT after BDAT LAST, or DATA with BODY=BINARYMIME.
    case badSequence = "bad-sequence"
    /// A MAIL/RCPT parameter the server does not offer.
    case unsupportedParameter = "unsupported-parameter"
    /// A NOTIFY parameter that is not NEVER or a list of SUCCESS, FAILURE, DELAY.
    case badNotify = "bad-notify"
    /// A DSN parameter (RET, ENVID, ORCPT) with a bad value or given twice.
    case badDSNParameter = "bad-dsn-parameter"
    /// MAIL declares a SIZE over the limit, or the message is over it.
    case messageTooBig = "message-too-big"
    /// MAIL before AUTH when auth is required.
    case authRequired = "auth-required"
    /// MAIL before STARTTLS when TLS is required.
    case tlsRequired = "tls-required"
    /// STARTTLS accepted: start the handshake.
    case tlsReady = "tls-ready"
    /// STARTTLS when TLS is already active.
    case tlsActive = "tls-active"
    /// STARTTLS when the server has no TLS.
    case tlsUnavailable = "tls-unavailable"
    /// AUTH succeeded.
    case authOK = "auth-ok"
    /// AUTH with wrong credentials.
    case authFailed = "auth-failed"
    /// AUTH with a mechanism the server does not offer.
    case authMechanism = "auth-mechanism"
    /// AUTH cancelled with `*`.
    case authCancelled = "auth-cancelled"
    /// AUTH after a successful AUTH or inside a transaction.
    case authSequence = "auth-sequence"
    /// AUTH when the current capabilities offer no AUTH (for example before TLS).
    case authUnavailable = "auth-unavailable"
    /// The idle timeout passed; the server closes the connection.
    case timeout = "timeout"
    /// Too many connections at once; the server closes the connection.
    case tooManyConnections = "too-many-connections"

    /// The reply used when a persona does not reword this one.
    public var defaultTemplate: ReplyTemplate {
        switch self {
        case .ehlo: return ReplyTemplate(code: 250, text: "{host} Hello [{client-ip}]")
        case .helo: return ReplyTemplate(code: 250, text: "{host} Hello [{client-ip}]")
        case .badHelo: return ReplyTemplate(code: 501, text: "5.5.4 Invalid domain name")
        case .mailOK: return ReplyTemplate(code: 250, text: "2.1.0 Sender OK")
        case .rcptOK: return ReplyTemplate(code: 250, text: "2.1.5 Recipient OK")
        case .dataStart: return ReplyTemplate(code: 354, text: "Start mail input; end with <CRLF>.<CRLF>")
        case .queued: return ReplyTemplate(code: 250, text: "2.0.0 Ok: queued as {queue-id}")
        case .bdatOK: return ReplyTemplate(code: 250, text: "2.0.0 {octets} octets received")
        case .rsetOK: return ReplyTemplate(code: 250, text: "2.0.0 Ok")
        case .noopOK: return ReplyTemplate(code: 250, text: "2.0.0 Ok")
        case .vrfyOK: return ReplyTemplate(code: 250, text: "2.1.5 <{address}>")
        case .vrfyUnknown: return ReplyTemplate(code: 252, text: "2.0.0 Cannot VRFY user, but will accept message")
        case .help: return ReplyTemplate(code: 214, text: "2.0.0 See RFC 5321")
        case .quit: return ReplyTemplate(code: 221, text: "2.0.0 Service closing transmission channel")
        case .badSender: return ReplyTemplate(code: 550, text: "5.1.7 Invalid address")
        case .senderRejected: return ReplyTemplate(code: 550, text: "5.7.1 Sender domain not accepted")
        case .badRecipient: return ReplyTemplate(code: 501, text: "5.1.3 Invalid address")
        case .unknownUser: return ReplyTemplate(code: 550, text: "5.1.1 User unknown")
        case .relayDenied: return ReplyTemplate(code: 550, text: "5.7.1 Unable to relay")
        case .greylisted: return ReplyTemplate(code: 451, text: "4.7.1 Greylisted, please try again later")
        case .tooManyRecipients: return ReplyTemplate(code: 452, text: "4.5.3 Too many recipients")
        case .syntaxError: return ReplyTemplate(code: 501, text: "5.5.4 Syntax: {usage}")
        case .noArguments: return ReplyTemplate(code: 501, text: "5.5.4 No parameters allowed")
        case .unknownCommand: return ReplyTemplate(code: 500, text: "5.5.2 Command unrecognized")
        case .notImplemented: return ReplyTemplate(code: 502, text: "5.5.1 Command not implemented")
        case .lineTooLong: return ReplyTemplate(code: 500, text: "5.5.2 Line too long")
        case .textLineTooLong: return ReplyTemplate(code: 500, text: "5.5.2 Line too long")
        case .needHelo: return ReplyTemplate(code: 503, text: "5.5.1 Send EHLO or HELO first")
        case .needMail: return ReplyTemplate(code: 503, text: "5.5.1 Need MAIL command")
        case .needRcpt: return ReplyTemplate(code: 503, text: "5.5.1 Need RCPT command")
        case .noValidRecipients: return ReplyTemplate(code: 554, text: "5.5.1 No valid recipients")
        case .nestedMail: return ReplyTemplate(code: 503, text: "5.5.1 Sender already specified")
        case .badSequence: return ReplyTemplate(code: 503, text: "5.5.1 Bad sequence of commands")
        case .unsupportedParameter: return ReplyTemplate(code: 555, text: "5.5.4 Unsupported option: {argument}")
        case .badNotify: return ReplyTemplate(code: 501, text: "5.5.4 Bad NOTIFY parameter syntax")
        case .badDSNParameter: return ReplyTemplate(code: 501, text: "5.5.4 Bad DSN parameter: {argument}")
        case .messageTooBig: return ReplyTemplate(code: 552, text: "5.3.4 Message size exceeds fixed limit")
        case .authRequired: return ReplyTemplate(code: 530, text: "5.7.0 Authentication required")
        case .tlsRequired: return ReplyTemplate(code: 530, text: "5.7.0 Must issue a STARTTLS command first")
        case .tlsReady: return ReplyTemplate(code: 220, text: "2.0.0 Ready to start TLS")
        case .tlsActive: return ReplyTemplate(code: 554, text: "5.5.1 Error: TLS already active")
        case .tlsUnavailable: return ReplyTemplate(code: 454, text: "4.7.0 TLS not available due to temporary reason")
        case .authOK: return ReplyTemplate(code: 235, text: "2.7.0 Authentication successful")
        case .authFailed: return ReplyTemplate(code: 535, text: "5.7.8 Authentication credentials invalid")
        case .authMechanism: return ReplyTemplate(code: 504, text: "5.5.4 Unrecognized authentication type")
        case .authCancelled: return ReplyTemplate(code: 501, text: "5.7.0 Authentication cancelled")
        case .authSequence: return ReplyTemplate(code: 503, text: "5.5.1 Bad sequence of commands")
        case .authUnavailable: return ReplyTemplate(code: 503, text: "5.5.1 Error: authentication not enabled")
        case .timeout: return ReplyTemplate(code: 421, text: "4.4.2 {host} Error: timeout exceeded")
        case .tooManyConnections: return ReplyTemplate(code: 421, text: "4.3.2 Too many connections, try again later")
        }
    }
}
