import SMTPYAML

/// One entry of the top-level `capture:` map as written: a server smtpspec runs while the scenario's cases run,
/// so that the system under test can relay to it.
public struct CaptureServerAST: Sendable, Hashable {
    /// The name steps refer to in `at:`.
    public var name: Located<String>
    /// `listen`: `host:port`, `[v6]:port`, or a port alone (loopback).
    public var listen: Located<String>?
    /// `persona`: a built-in persona's name or a persona file relative to the scenario.
    public var persona: Located<String>?

    /// Creates a capture server AST.
    public init(name: Located<String>, listen: Located<String>? = nil, persona: Located<String>? = nil) {
        self.name = name
        self.listen = listen
        self.persona = persona
    }
}

/// The argument of `await-message` and `await-dsn` as written.
public struct AwaitAST: Sendable, Hashable {
    /// `at`: where the message is looked for.
    public var at: MessageSourceAST?
    /// `to`: the envelope recipient (or `Delivered-To`) the message must have arrived for.
    public var to: Located<String>?
    /// `within`: how long to wait.
    public var within: Located<Duration>?

    /// Creates an await AST.
    public init(at: MessageSourceAST? = nil, to: Located<String>? = nil, within: Located<Duration>? = nil) {
        self.at = at
        self.to = to
        self.within = within
    }
}

/// `at:` as written.
public enum MessageSourceAST: Sendable, Hashable {
    /// A capture's name, or `mock`.
    case named(Located<String>)
    /// `{maildir: DIR}`.
    case maildir(Located<String>)
    /// `{imap: {...}}`.
    case imap(IMAPSourceAST)
}

/// `at: {imap: {...}}` as written.
public struct IMAPSourceAST: Sendable, Hashable {
    /// `host`.
    public var host: Located<String>
    /// `port` (default 143, or 993 with `tls: implicit`).
    public var port: Located<String>?
    /// `tls`: none, starttls or implicit (default starttls).
    public var security: Located<String>?
    /// `verify`, `ca-file`, `server-name`.
    public var tls: TLSAST
    /// `username`.
    public var username: Located<String>
    /// `password` (always secret).
    public var password: Located<String>
    /// `mailbox` (default INBOX).
    public var mailbox: Located<String>?
    /// `allow-plaintext`: log in over a connection without TLS.
    public var allowPlaintext: Bool
    /// Where `imap` is written.
    public var location: SourceLocation

    /// Creates an IMAP source AST.
    public init(
        host: Located<String>,
        port: Located<String>? = nil,
        security: Located<String>? = nil,
        tls: TLSAST = TLSAST(),
        username: Located<String>,
        password: Located<String>,
        mailbox: Located<String>? = nil,
        allowPlaintext: Bool = false,
        location: SourceLocation
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.tls = tls
        self.username = username
        self.password = password
        self.mailbox = mailbox
        self.allowPlaintext = allowPlaintext
        self.location = location
    }
}

/// `expect` of an await step as written: `none`, or what the message (or the notification) must show.
public struct ArrivalExpectationAST: Sendable, Hashable {
    /// `expect: none`: nothing may arrive within the step's time.
    public var nothing: Bool
    /// `headers`: a header name and `present`, `absent` or a regular expression, in file order.
    public var headers: [VariableAST]
    /// `body`: a regular expression on the body.
    public var body: Located<String>?
    /// `envelope-from`: the reverse-path the message arrived with.
    public var envelopeFrom: Located<String>?
    /// `action` (await-dsn).
    public var action: Located<String>?
    /// `status` (await-dsn): an enhanced status code pattern.
    public var status: Located<String>?
    /// `recipient` (await-dsn): the Original- or Final-Recipient.
    public var recipient: Located<String>?
    /// Where `expect` is written.
    public var location: SourceLocation

    /// Creates an arrival expectation AST.
    public init(
        nothing: Bool = false,
        headers: [VariableAST] = [],
        body: Located<String>? = nil,
        envelopeFrom: Located<String>? = nil,
        action: Located<String>? = nil,
        status: Located<String>? = nil,
        recipient: Located<String>? = nil,
        location: SourceLocation
    ) {
        self.nothing = nothing
        self.headers = headers
        self.body = body
        self.envelopeFrom = envelopeFrom
        self.action = action
        self.status = status
        self.recipient = recipient
        self.location = location
    }
}
