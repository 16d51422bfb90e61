/// How the mock server behaves: what it says, whom it knows, and how it fails.
///
/// A persona is plain data read from a `*.persona.yaml` file (see ``Persona/load(path:)``) or one
/// of the built-in ones (``Persona/builtin(named:)``). Everything it describes is deterministic:
/// the same conversation always gets the same replies.
public struct Persona: Sendable {
    /// The persona's name, for logs.
    public var name: String
    /// The host name the server gives in its banner and replies (`{host}` in reply texts).
    public var hostname: String
    /// The greeting after the connection opens, as a reply template (`220 {host} ESMTP`).
    public var banner: ReplyTemplate
    /// The EHLO keywords offered before TLS, one per line after the greeting line, in order.
    public var capabilities: [String]
    /// The EHLO keywords offered once TLS is active; `nil` means ``capabilities`` without STARTTLS.
    public var capabilitiesAfterTLS: [String]?
    /// Mailboxes the server accepts mail for (compared case-insensitively).
    public var mailboxes: [String]
    /// Domains the server is the destination for. A recipient in one of them that is not in
    /// ``mailboxes`` is unknown; a recipient in any other domain is relaying.
    public var domains: [String]
    /// Whether recipients in domains that are not local are accepted (an open relay).
    public var relay: Bool
    /// Whether an authenticated client may send to domains that are not local even when ``relay``
    /// is off (Postfix's `permit_sasl_authenticated`).
    public var relayAuthenticated: Bool
    /// Domains a reverse-path may use; empty means any domain.
    public var senderDomains: [String]
    /// Authentication: whether it is required, and who may log in.
    public var auth: PersonaAuth
    /// TLS: STARTTLS, implicit TLS, whether TLS is required before MAIL.
    public var tls: PersonaTLS
    /// The largest message accepted, in octets; `nil` for no limit.
    public var sizeLimit: Int?
    /// The most recipients one transaction may have.
    public var maxRecipients: Int
    /// Whether the first attempt for each sender/recipient pair is deferred with 451 4.7.1.
    public var greylisting: Bool
    /// Rules that answer chosen commands differently, in order; the first that matches wins.
    public var rules: [PersonaRule]
    /// The reply texts.
    public var replies: PersonaReplies

    /// Creates a persona; every setting has a plain default.
    public init(
        name: String,
        hostname: String = "localhost",
        banner: ReplyTemplate = ReplyTemplate(code: 220, text: "{host} ESMTP smtpspec mock"),
        capabilities: [String] = [
            "PIPELINING", "SIZE 10240000", "STARTTLS", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8",
            "CHUNKING",
        ],
        capabilitiesAfterTLS: [String]? = nil,
        mailboxes: [String] = [],
        domains: [String] = [],
        relay: Bool = true,
        relayAuthenticated: Bool = true,
        senderDomains: [String] = [],
        auth: PersonaAuth = PersonaAuth(),
        tls: PersonaTLS = PersonaTLS(),
        sizeLimit: Int? = 10_240_000,
        maxRecipients: Int = 1000,
        greylisting: Bool = false,
        rules: [PersonaRule] = [],
        replies: PersonaReplies = PersonaReplies()
    ) {
        self.name = name
        self.hostname = hostname
        self.banner = banner
        self.capabilities = capabilities
        self.capabilitiesAfterTLS = capabilitiesAfterTLS
        self.mailboxes = mailboxes
        self.domains = domains
        self.relay = relay
        self.relayAuthenticated = relayAuthenticated
        self.senderDomains = senderDomains
        self.auth = auth
        self.tls = tls
        self.sizeLimit = sizeLimit
        self.maxRecipients = maxRecipients
        self.greylisting = greylisting
        self.rules = rules
        self.replies = replies
    }
}
