/// The client's view of an SMTP session as a value: what has been said, what the server allowed, and whether a
/// command can succeed next. No I/O: the runner tells it what it sends and what came back; the scenario checker
/// drives it with `didSucceed`/`didFail` to find steps that cannot succeed.
///
/// For a pipelined group, predict on a copy: `willSend` then `didSucceed` per command, since replies come later.
public struct SMTPSessionState: Sendable, Hashable {
    /// Where the session is.
    public enum Phase: Sendable, Hashable {
        /// No connection yet.
        case notConnected
        /// Connected, waiting for the 220 greeting.
        case awaitingGreeting
        /// The greeting was 554 (or another refusal): only QUIT is answered.
        case serviceRefused
        /// Greeted; no successful EHLO/HELO yet (again none after STARTTLS).
        case greeted
        /// After EHLO/HELO/LHLO, no mail transaction.
        case ready
        /// MAIL accepted, no recipient yet.
        case inTransaction
        /// At least one RCPT accepted.
        case hasRecipients
        /// DATA got 354: the message is being sent and its final reply awaited.
        case awaitingDataReply
        /// BDAT chunks accepted, the LAST one not yet sent.
        case chunking
        /// After 221 or 421, or the connection closed.
        case closed
    }

    /// Where the session is.
    public internal(set) var phase: Phase = .notConnected
    /// The greeting command that succeeded last (`.ehlo`, `.helo` or `.lhlo`), `nil` before one or after STARTTLS.
    public internal(set) var hello: CommandKind?
    /// What the last successful EHLO/LHLO advertised; `nil` when unknown (no EHLO, HELO, or a synthetic reply).
    public internal(set) var capabilities: EHLOCapabilities?
    /// Whether TLS is active (STARTTLS 220 or implicit TLS).
    public internal(set) var tlsActive: Bool = false
    /// Whether AUTH succeeded on this connection (forgotten after STARTTLS).
    public internal(set) var authenticated: Bool = false
    /// Recipients accepted in the current transaction.
    public internal(set) var acceptedRecipients: Int = 0

    /// A new session, not connected.
    public init() {}

    /// Whether extensions may be used: the last greeting was EHLO or LHLO.
    public var isESMTP: Bool { hello == .ehlo || hello == .lhlo }

    /// Whether a mail transaction is open.
    public var isInTransaction: Bool {
        [.inTransaction, .hasRecipients, .awaitingDataReply, .chunking].contains(phase)
    }

    /// Marks TLS as active from the first byte (implicit TLS); call after `willSend(.open)`.
    public mutating func tlsEstablished() {
        tlsActive = true
    }

    /// Call when the connection closes for any reason.
    public mutating func connectionClosed() {
        phase = .closed
    }

    /// Call before sending; returns why RFC 5321 (or an extension) says the command cannot succeed now, or `nil`.
    /// `open` starts a new session.
    public mutating func willSend(_ kind: CommandKind) -> SequenceProblem? {
        if kind == .open {
            self = SMTPSessionState()
            phase = .awaitingGreeting
            return nil
        }
        switch phase {
        case .notConnected: return .notConnected
        case .closed: return .connectionClosed
        case .awaitingGreeting: return .greetingNotReceived
        case .serviceRefused: return kind == .quit ? nil : .serviceRefused
        case .awaitingDataReply: return kind == .endOfData || kind == .data ? nil : .messageExpected
        case .greeted, .ready, .inTransaction, .hasRecipients, .chunking: return problem(sending: kind)
        }
    }

    /// Updates the state from the reply to a command (for DATA, pass both the 354 and the final reply).
    public mutating func didReceive(_ reply: Reply, for kind: CommandKind) {
        apply(
            reply.code,
            for: kind,
            capabilities: kind == .ehlo || kind == .lhlo ? EHLOCapabilities(reply: reply) : nil
        )
    }

    /// Updates the state from the reply to EHLO or LHLO whose capabilities the caller has already read from it
    /// (`EHLOCapabilities(reply: reply)`).
    public mutating func didReceive(_ reply: Reply, for kind: CommandKind, capabilities: EHLOCapabilities) {
        apply(reply.code, for: kind, capabilities: kind == .ehlo || kind == .lhlo ? capabilities : nil)
    }

    /// Updates the state from a reply code alone (capabilities stay unknown).
    public mutating func didReceive(code: ReplyCode, for kind: CommandKind) {
        apply(code, for: kind, capabilities: nil)
    }

    /// Assumes the command got its usual success reply; DATA goes through 354 and the final 250.
    public mutating func didSucceed(_ kind: CommandKind) {
        if kind == .data {
            if phase != .awaitingDataReply { apply(.startMailInput, for: .data, capabilities: nil) }
            if phase == .awaitingDataReply { apply(.ok, for: .data, capabilities: nil) }
            return
        }
        apply(Self.successCode(for: kind), for: kind, capabilities: nil)
    }

    /// Assumes the command failed with a 5yz (or 4yz when `permanent` is false) other than 421.
    public mutating func didFail(_ kind: CommandKind, permanent: Bool = true) {
        let code: ReplyCode
        switch kind {
        case .open: code = permanent ? .transactionFailed : .mailboxBusy
        default: code = permanent ? .mailboxUnavailable : .mailboxBusy
        }
        apply(code, for: kind, capabilities: nil)
    }

    private static func successCode(for kind: CommandKind) -> ReplyCode {
        switch kind {
        case .open, .starttls: return .serviceReady
        case .auth: return .authenticationSucceeded
        case .help: return .helpMessage
        case .quit: return .serviceClosing
        case .vrfy: return .cannotVerify
        default: return .ok
        }
    }
}
