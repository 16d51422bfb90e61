import SMTPCore
import SMTPYAML

/// What a step expects back: reply alternatives, a text pattern, EHLO capabilities, and for
/// `open` a refused connection or facts about the TLS certificate.
///
/// An empty ``replies`` list accepts any reply (it is how `send` without `expect`… is refused at
/// compile time, and how `sleep` is planned).
public struct Expectation: Sendable, Hashable {
    /// Any one of these must match the reply; empty means any reply.
    public var replies: [ReplyPattern]
    /// A regular expression the reply text must contain a match of (all lines joined by `\n`).
    public var text: String?
    /// Capabilities the EHLO reply must advertise.
    public var capabilities: [CapabilityRequirement]
    /// Capability keywords the EHLO reply must not advertise.
    public var lacks: [String]
    /// For `open`: the connection must fail (refused, unreachable or timed out).
    public var noConnection: Bool
    /// For `open` and `starttls`: checks on the negotiated TLS session and certificate.
    public var tls: TLSExpectation?
    /// For `data` and `bdat` in an LMTP session: one expectation per accepted recipient, in RCPT order, each
    /// judging that recipient's reply after the message (RFC 2033 §4.2); empty means each reply must meet this
    /// expectation.
    public var perRecipient: [Expectation] = []
    /// How the expectation was written, for reports (`2xx`, `[250, 251]`, or the default).
    public var source: String
    /// Where it was written; `nil` for a verb's default expectation.
    public var location: SourceLocation?

    /// Creates an expectation.
    public init(
        replies: [ReplyPattern],
        text: String? = nil,
        capabilities: [CapabilityRequirement] = [],
        lacks: [String] = [],
        noConnection: Bool = false,
        tls: TLSExpectation? = nil,
        source: String,
        location: SourceLocation? = nil
    ) {
        self.replies = replies
        self.text = text
        self.capabilities = capabilities
        self.lacks = lacks
        self.noConnection = noConnection
        self.tls = tls
        self.source = source
        self.location = location
    }

    /// Whether this is the verb's default, not something the file wrote.
    public var isDefault: Bool { location == nil }

    /// The reply classes that satisfy this expectation.
    public var acceptedClasses: Set<Int> {
        if noConnection { return [] }
        if replies.isEmpty { return [2, 3, 4, 5] }
        return replies.reduce(into: Set<Int>()) { $0.formUnion($1.possibleClasses) }
    }

    /// Whether the step expects the command to succeed (only 2xx or 3xx replies satisfy it).
    public var expectsSuccess: Bool {
        let classes = acceptedClasses
        return !classes.isEmpty && classes.isSubset(of: [2, 3])
    }

    /// Whether the reply's code and enhanced code satisfy ``replies`` (text and capabilities aside).
    public func acceptsReply(_ reply: Reply) -> Bool {
        replies.isEmpty || replies.contains { $0.matches(reply) }
    }
}

/// One capability an EHLO reply must advertise: `SIZE`, `AUTH PLAIN`, or `SIZE >= 10485760`.
public struct CapabilityRequirement: Sendable, Hashable, CustomStringConvertible {
    /// The EHLO keyword, compared case-insensitively.
    public var keyword: String
    /// A parameter that must be among the keyword's parameters (`PLAIN` in `AUTH PLAIN`).
    public var parameter: String?
    /// A comparison on the keyword's first parameter as a number (`SIZE >= 10485760`).
    public var comparison: Comparison?

    /// Creates a requirement.
    public init(keyword: String, parameter: String? = nil, comparison: Comparison? = nil) {
        self.keyword = keyword
        self.parameter = parameter
        self.comparison = comparison
    }

    /// As written: `AUTH PLAIN`, `SIZE >= 10485760`.
    public var description: String {
        [keyword, parameter, comparison?.description].compactMap { $0 }.joined(separator: " ")
    }
}

/// Checks on a TLS session after `open` with implicit TLS or after `starttls`.
public struct TLSExpectation: Sendable, Hashable {
    /// The certificate must stay valid for at least / at most this many days (`valid-days: ">= 14"`).
    public var validDays: Comparison?
    /// The negotiated protocol version must be at least this (`"1.2"` or `"1.3"`).
    public var minimumVersion: String?
    /// A regular expression the certificate subject must match.
    public var subject: String?
    /// A regular expression the issuer must match.
    public var issuer: String?
    /// A name that must be among the certificate's subject alternative names.
    public var san: String?
    /// A regular expression the negotiated cipher suite's name must match.
    public var cipher: String?

    /// Creates TLS checks.
    public init(
        validDays: Comparison? = nil,
        minimumVersion: String? = nil,
        subject: String? = nil,
        issuer: String? = nil,
        san: String? = nil,
        cipher: String? = nil
    ) {
        self.validDays = validDays
        self.minimumVersion = minimumVersion
        self.subject = subject
        self.issuer = issuer
        self.san = san
        self.cipher = cipher
    }
}
