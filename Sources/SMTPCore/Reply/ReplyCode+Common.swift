extension ReplyCode {
    /// Creates a code the caller knows is valid; used only for the constants below.
    private init(known value: Int) {
        self.value = value
    }

    /// 211 System status.
    public static let systemStatus = ReplyCode(known: 211)
    /// 214 Help message.
    public static let helpMessage = ReplyCode(known: 214)
    /// 220 Service ready.
    public static let serviceReady = ReplyCode(known: 220)
    /// 221 Service closing transmission channel.
    public static let serviceClosing = ReplyCode(known: 221)
    /// 235 Authentication succeeded (RFC 4954).
    public static let authenticationSucceeded = ReplyCode(known: 235)
    /// 250 Requested mail action okay, completed.
    public static let ok = ReplyCode(known: 250)
    /// 251 User not local; will forward.
    public static let userNotLocalWillForward = ReplyCode(known: 251)
    /// 252 Cannot VRFY user, but will accept message.
    public static let cannotVerify = ReplyCode(known: 252)
    /// 334 AUTH challenge (RFC 4954).
    public static let authChallenge = ReplyCode(known: 334)
    /// 354 Start mail input.
    public static let startMailInput = ReplyCode(known: 354)
    /// 421 Service not available, closing transmission channel.
    public static let serviceNotAvailable = ReplyCode(known: 421)
    /// 450 Mailbox unavailable (transient).
    public static let mailboxBusy = ReplyCode(known: 450)
    /// 451 Local error in processing.
    public static let localError = ReplyCode(known: 451)
    /// 452 Insufficient system storage.
    public static let insufficientStorage = ReplyCode(known: 452)
    /// 454 TLS or authentication temporarily unavailable.
    public static let temporaryFailure = ReplyCode(known: 454)
    /// 500 Syntax error, command unrecognized (also: line too long).
    public static let commandUnrecognized = ReplyCode(known: 500)
    /// 501 Syntax error in parameters or arguments.
    public static let syntaxError = ReplyCode(known: 501)
    /// 502 Command not implemented.
    public static let commandNotImplemented = ReplyCode(known: 502)
    /// 503 Bad sequence of commands.
    public static let badSequence = ReplyCode(known: 503)
    /// 504 Command parameter not implemented.
    public static let parameterNotImplemented = ReplyCode(known: 504)
    /// 530 Authentication required (RFC 4954).
    public static let authenticationRequired = ReplyCode(known: 530)
    /// 535 Authentication credentials invalid (RFC 4954).
    public static let authenticationFailed = ReplyCode(known: 535)
    /// 550 Mailbox unavailable.
    public static let mailboxUnavailable = ReplyCode(known: 550)
    /// 552 Exceeded storage allocation.
    public static let exceededStorage = ReplyCode(known: 552)
    /// 553 Mailbox name not allowed.
    public static let mailboxNameNotAllowed = ReplyCode(known: 553)
    /// 554 Transaction failed.
    public static let transactionFailed = ReplyCode(known: 554)
    /// 555 MAIL FROM/RCPT TO parameters not recognized or not implemented.
    public static let parametersNotRecognized = ReplyCode(known: 555)
}

extension ReplyCode: ExpressibleByIntegerLiteral {
    /// Creates a code from a literal such as `250`. An invalid literal is a programming error and becomes 451,
    /// so a typo can never put a malformed reply on the wire; runtime values go through `init?(_:)`.
    public init(integerLiteral value: Int) {
        self = ReplyCode(value) ?? ReplyCode(known: 451)
    }
}
