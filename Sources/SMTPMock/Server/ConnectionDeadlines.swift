import SMTPCore

/// The clocks one connection runs against, as a value: fed what happened and when, it says which limit passed.
///
/// - Idle: nothing read for ``MockServerConfiguration/idleTimeout``.
/// - Command: a command line not complete ``MockServerConfiguration/commandTimeout`` after the previous reply (or the
///   greeting). Octets that trickle in do not move this deadline, so a client sending one byte every few seconds
///   cannot hold a connection forever (RFC 5321 §4.5.3.2.7 suggests 5 minutes per command).
/// - Data rate: message content (after DATA's 354, or a BDAT chunk) gets the command timeout plus one second per
///   ``MockServerConfiguration/minimumDataRate`` octets received, the scheme of Postfix's per-request deadlines.
struct ConnectionDeadlines: Sendable {
    /// Which limit passed.
    enum Expiry: String, Sendable, Hashable {
        case idle = "idle timeout"
        case command = "command timeout"
        case dataRate = "minimum data rate"
    }

    private enum Phase: Sendable, Hashable {
        case command
        case content(octets: Int)
    }

    let idleTimeout: Duration
    let commandTimeout: Duration
    let minimumDataRate: Int
    private var lastRead: ContinuousClock.Instant
    private var phaseStart: ContinuousClock.Instant
    private var phase = Phase.command

    init(idleTimeout: Duration, commandTimeout: Duration, minimumDataRate: Int, now: ContinuousClock.Instant) {
        self.idleTimeout = idleTimeout
        self.commandTimeout = commandTimeout
        self.minimumDataRate = max(1, minimumDataRate)
        lastRead = now
        phaseStart = now
    }

    /// Records `octets` read at `now`.
    mutating func read(octets: Int, now: ContinuousClock.Instant) {
        lastRead = now
        if case .content(let sofar) = phase { phase = .content(octets: sofar + octets) }
    }

    /// Records where the session is after handling input: a reply was sent (a new command's clock starts, and the
    /// idle clock too), or the session is receiving message content (its clock starts when it begins).
    mutating func session(replied: Bool, receivingContent: Bool, now: ContinuousClock.Instant) {
        // The client's silence counts from when it has something to answer: a persona's delay is not its idle time.
        if replied { lastRead = max(lastRead, now) }
        switch (phase, receivingContent) {
        case (.command, true):
            phase = .content(octets: 0)
            phaseStart = now
        case (.content, false):
            phase = .command
            phaseStart = now
        case (.command, false):
            if replied { phaseStart = now }
        case (.content, true):
            break
        }
    }

    /// The limit that has passed at `now`, if any.
    func expired(at now: ContinuousClock.Instant) -> Expiry? {
        if now - lastRead >= idleTimeout { return .idle }
        switch phase {
        case .command:
            return now - phaseStart >= commandTimeout ? .command : nil
        case .content(let octets):
            let allowance = commandTimeout + .seconds(Double(octets) / Double(minimumDataRate))
            return now - phaseStart >= allowance ? .dataRate : nil
        }
    }

    /// How often to look at the clocks: a quarter of the shortest limit, between 50 ms and 1 s.
    static func tickInterval(idleTimeout: Duration, commandTimeout: Duration) -> Duration {
        let shortest = min(idleTimeout, commandTimeout)
        return max(.milliseconds(50), min(.seconds(1), shortest / 4))
    }
}
