import SMTPCore

/// An `await-message` or `await-dsn` step: where to look, for which message, how long, and what it must show.
///
/// The message is this case's: the compiler knows the Message-ID of the last message the case sent before the
/// step, and the ENVID of its transaction, so that parallel cases never take each other's mail.
public struct AwaitPlan: Sendable, Hashable {
    /// What the step waits for.
    public enum Kind: String, Sendable, Hashable {
        /// The message itself (`await-message`).
        case message
        /// Its delivery status notification (`await-dsn`).
        case dsn
    }

    /// What the step waits for.
    public var kind: Kind
    /// Where to look.
    public var source: MessageSourcePlan
    /// `to`: the recipient the message must have arrived for (envelope, or `Delivered-To` in a mailbox).
    public var recipient: PlanText?
    /// How long to wait.
    public var within: Duration
    /// The Message-ID this case sent (with angle brackets), as the message header carries it.
    public var messageID: PlanText
    /// The ENVID (RFC 3461) of the transaction that sent it, if the `mail-from` gave one.
    public var envelopeID: PlanText?
    /// What the message or notification must show.
    public var expectation: ArrivalExpectation

    /// Creates an await plan.
    public init(
        kind: Kind,
        source: MessageSourcePlan,
        recipient: PlanText? = nil,
        within: Duration,
        messageID: PlanText,
        envelopeID: PlanText? = nil,
        expectation: ArrivalExpectation
    ) {
        self.kind = kind
        self.source = source
        self.recipient = recipient
        self.within = within
        self.messageID = messageID
        self.envelopeID = envelopeID
        self.expectation = expectation
    }

    /// The wait when the step gives none.
    public static let defaultWithin = Duration.seconds(60)
    /// The longest wait a step may ask for.
    public static let maximumWithin = Duration.seconds(3600)
}

/// Where an await step looks for mail.
public enum MessageSourcePlan: Sendable, Hashable, CustomStringConvertible {
    /// A capture server of the scenario's `capture:` map, by name and listening address.
    case capture(name: String, listen: HostPort)
    /// The mock server of `run --mock`.
    case mock
    /// A maildir directory (absolute; `new/` and `cur/` are read).
    case maildir(path: String)
    /// An IMAP mailbox.
    case imap(IMAPSourcePlan)

    /// `capture relay-sink (127.0.0.1:2526)`, `the mock server`, `maildir DIR`, `imap://user@host:port/INBOX`.
    public var description: String {
        switch self {
        case .capture(let name, let listen): return "capture \(name) (\(listen))"
        case .mock: return "the mock server"
        case .maildir(let path): return "maildir \(path)"
        case .imap(let imap): return imap.description
        }
    }
}

/// `at: {imap: {...}}` compiled.
public struct IMAPSourcePlan: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is secured.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// No TLS: login only with `allow-plaintext: true`.
        case none
        /// STARTTLS after the greeting (the default, port 143).
        case starttls
        /// TLS from the first byte (port 993).
        case implicit
    }

    /// The server's host.
    public var host: String
    /// The server's port.
    public var port: Int
    /// How the connection is secured.
    public var security: Security
    /// How TLS is verified.
    public var tls: TLSPlan
    /// The user name.
    public var username: PlanText
    /// The password; always secret.
    public var password: PlanText
    /// The mailbox to examine (default INBOX).
    public var mailbox: String
    /// Log in over a connection without TLS.
    public var allowPlaintext: Bool

    /// Creates an IMAP source plan.
    public init(
        host: String,
        port: Int,
        security: Security,
        tls: TLSPlan,
        username: PlanText,
        password: PlanText,
        mailbox: String,
        allowPlaintext: Bool
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.tls = tls
        self.username = username
        self.password = password
        self.mailbox = mailbox
        self.allowPlaintext = allowPlaintext
    }

    /// `imap user@host:port/INBOX (starttls)`, the user name redacted when secret.
    public var description: String {
        "imap \(username.redacted())@\(HostPort(host: host, port: port))/\(mailbox) (\(security.rawValue))"
    }
}
