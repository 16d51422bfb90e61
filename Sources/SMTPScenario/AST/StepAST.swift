import SMTPYAML

/// One step as written: its verb, its argument, and its modifiers.
public struct StepAST: Sendable, Hashable {
    /// The verb.
    public var verb: Verb
    /// Where the verb is written: the location every failure of the step points at.
    public var location: SourceLocation
    /// The verb's argument.
    public var argument: StepArgument
    /// `expect`, if written.
    public var expect: ExpectationAST?
    /// `capture`.
    public var captures: [Capture]
    /// `timeout`.
    public var timeout: Located<Duration>?
    /// `within`.
    public var within: Located<Duration>?
    /// `name`.
    public var name: Located<String>?
    /// `notify` written beside `rcpt`.
    public var notify: NotifyAST?
    /// `force` written beside `pipeline`.
    public var force: Bool
    /// `expect` of `await-message` and `await-dsn`, which judges a message rather than a reply.
    public var arrivalExpectation: ArrivalExpectationAST?

    /// Creates a step AST.
    public init(
        verb: Verb,
        location: SourceLocation,
        argument: StepArgument,
        expect: ExpectationAST? = nil,
        captures: [Capture] = [],
        timeout: Located<Duration>? = nil,
        within: Located<Duration>? = nil,
        name: Located<String>? = nil,
        notify: NotifyAST? = nil,
        force: Bool = false
    ) {
        self.verb = verb
        self.location = location
        self.argument = argument
        self.expect = expect
        self.captures = captures
        self.timeout = timeout
        self.within = within
        self.name = name
        self.notify = notify
        self.force = force
    }
}

/// A verb's argument as written.
public indirect enum StepArgument: Sendable, Hashable {
    /// No argument (`- quit`, `- rset`, `- starttls`).
    case none
    /// One string: ehlo/helo/lhlo domain, vrfy/expn/send/noop/help argument, raw data or bdat text.
    case text(Located<String>)
    /// `open`.
    case open(OpenAST)
    /// `starttls` with settings.
    case tls(TLSAST)
    /// `auth`.
    case auth(AuthAST)
    /// `mail-from`.
    case mailFrom(MailFromAST)
    /// `rcpt`.
    case rcpt(RcptAST)
    /// `data` in its map form.
    case message(MessageAST)
    /// `bdat` with `chunks`.
    case chunks([Located<String>])
    /// `pipeline`.
    case steps([StepAST])
    /// `sleep`.
    case duration(Located<Duration>)
    /// `await-message` and `await-dsn`.
    case arrival(AwaitAST)
}

/// `open` in its map form (the string form is read into the same shape).
public struct OpenAST: Sendable, Hashable {
    /// `host` (or the host part of the string form).
    public var host: Located<String>?
    /// `port` (or the port part of the string form).
    public var port: Located<String>?
    /// `mx`.
    public var mx: Located<String>?
    /// `each`.
    public var each: Bool
    /// `tls: implicit`.
    public var implicitTLS: Bool
    /// `timeout`: the connect timeout.
    public var timeout: Located<Duration>?
    /// `verify`, `ca-file`, `server-name` for implicit TLS.
    public var tls: TLSAST

    /// Creates an open AST.
    public init(
        host: Located<String>? = nil,
        port: Located<String>? = nil,
        mx: Located<String>? = nil,
        each: Bool = false,
        implicitTLS: Bool = false,
        timeout: Located<Duration>? = nil,
        tls: TLSAST = TLSAST()
    ) {
        self.host = host
        self.port = port
        self.mx = mx
        self.each = each
        self.implicitTLS = implicitTLS
        self.timeout = timeout
        self.tls = tls
    }
}

/// TLS settings: `verify`, `ca-file`, `server-name`.
public struct TLSAST: Sendable, Hashable {
    /// `verify` (default true).
    public var verify: Bool
    /// `ca-file`.
    public var caFile: Located<String>?
    /// `server-name`.
    public var serverName: Located<String>?

    /// Creates TLS settings.
    public init(verify: Bool = true, caFile: Located<String>? = nil, serverName: Located<String>? = nil) {
        self.verify = verify
        self.caFile = caFile
        self.serverName = serverName
    }
}

/// `auth`.
public struct AuthAST: Sendable, Hashable {
    /// `mechanism`.
    public var mechanism: Located<AuthMechanism>
    /// `username`.
    public var username: Located<String>
    /// `password` (always secret).
    public var password: Located<String>
    /// `allow-plaintext`.
    public var allowPlaintext: Bool

    /// Creates an auth AST.
    public init(
        mechanism: Located<AuthMechanism>,
        username: Located<String>,
        password: Located<String>,
        allowPlaintext: Bool
    ) {
        self.mechanism = mechanism
        self.username = username
        self.password = password
        self.allowPlaintext = allowPlaintext
    }
}

/// `mail-from`.
public struct MailFromAST: Sendable, Hashable {
    /// The reverse-path address; empty for the null sender `<>`.
    public var address: Located<String>
    /// `size`.
    public var size: Located<String>?
    /// `body`.
    public var body: Located<String>?
    /// `ret`.
    public var ret: Located<String>?
    /// `envid`.
    public var envid: Located<String>?
    /// `smtputf8`.
    public var smtputf8: Bool

    /// Creates a mail-from AST.
    public init(
        address: Located<String>,
        size: Located<String>? = nil,
        body: Located<String>? = nil,
        ret: Located<String>? = nil,
        envid: Located<String>? = nil,
        smtputf8: Bool = false
    ) {
        self.address = address
        self.size = size
        self.body = body
        self.ret = ret
        self.envid = envid
        self.smtputf8 = smtputf8
    }
}

/// `rcpt`.
public struct RcptAST: Sendable, Hashable {
    /// The forward-path address.
    public var address: Located<String>
    /// `notify` inside the map form.
    public var notify: NotifyAST?
    /// `orcpt`.
    public var orcpt: Located<String>?

    /// Creates an rcpt AST.
    public init(address: Located<String>, notify: NotifyAST? = nil, orcpt: Located<String>? = nil) {
        self.address = address
        self.notify = notify
        self.orcpt = orcpt
    }
}

/// `notify`: `never`, or a list of `success`, `failure`, `delay`.
public struct NotifyAST: Sendable, Hashable {
    /// The values as written, each with its location.
    public var values: [Located<String>]
    /// Where `notify` is written.
    public var location: SourceLocation

    /// Creates a notify AST.
    public init(values: [Located<String>], location: SourceLocation) {
        self.values = values
        self.location = location
    }
}

/// `data` in its map form.
public struct MessageAST: Sendable, Hashable {
    /// `headers`, in file order.
    public var headers: [VariableAST]
    /// `subject`.
    public var subject: Located<String>?
    /// `from`.
    public var from: Located<String>?
    /// `to`.
    public var to: Located<String>?
    /// `body`.
    public var body: Located<String>?
    /// `file`: a path relative to the scenario.
    public var file: Located<String>?

    /// Creates a message AST.
    public init(
        headers: [VariableAST] = [],
        subject: Located<String>? = nil,
        from: Located<String>? = nil,
        to: Located<String>? = nil,
        body: Located<String>? = nil,
        file: Located<String>? = nil
    ) {
        self.headers = headers
        self.subject = subject
        self.from = from
        self.to = to
        self.body = body
        self.file = file
    }
}

/// `expect` as written: reply alternatives, text, capabilities, lacks and TLS checks, each
/// not yet interpolated.
public struct ExpectationAST: Sendable, Hashable {
    /// The reply alternatives, each a string of the expectation language.
    public var replies: [Located<String>]
    /// `text`.
    public var text: Located<String>?
    /// `capabilities`.
    public var capabilities: [Located<String>]
    /// `lacks`.
    public var lacks: [Located<String>]
    /// `tls`.
    public var tls: TLSExpectationAST?
    /// `per-recipient`: one expectation per accepted recipient, in RCPT order (LMTP after the message).
    public var perRecipient: [Located<String>] = []
    /// Where `expect` is written.
    public var location: SourceLocation

    /// Creates an expectation AST.
    public init(
        replies: [Located<String>],
        text: Located<String>? = nil,
        capabilities: [Located<String>] = [],
        lacks: [Located<String>] = [],
        tls: TLSExpectationAST? = nil,
        location: SourceLocation
    ) {
        self.replies = replies
        self.text = text
        self.capabilities = capabilities
        self.lacks = lacks
        self.tls = tls
        self.location = location
    }
}

/// `expect: {tls: {...}}`.
public struct TLSExpectationAST: Sendable, Hashable {
    /// `valid-days`.
    public var validDays: Located<String>?
    /// `version`.
    public var version: Located<String>?
    /// `subject`.
    public var subject: Located<String>?
    /// `issuer`.
    public var issuer: Located<String>?
    /// `san`.
    public var san: Located<String>?
    /// `cipher`.
    public var cipher: Located<String>?
    /// Where `tls` is written.
    public var location: SourceLocation

    /// Creates TLS checks.
    public init(
        validDays: Located<String>? = nil,
        version: Located<String>? = nil,
        subject: Located<String>? = nil,
        issuer: Located<String>? = nil,
        san: Located<String>? = nil,
        cipher: Located<String>? = nil,
        location: SourceLocation
    ) {
        self.validDays = validDays
        self.version = version
        self.subject = subject
        self.issuer = issuer
        self.san = san
        self.cipher = cipher
        self.location = location
    }
}
