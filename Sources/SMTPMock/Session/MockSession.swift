import Foundation
import SMTPCore

/// The server side of one SMTP connection as a value: bytes in, actions out.
///
/// The connection feeds it what the client sent (``receive(_:)``) and carries out the
/// ``SessionAction``s it returns: replies to write, delays, STARTTLS, messages to keep, closing.
/// It never touches a channel, so it is tested by feeding bytes and reading replies.
public struct MockSession: Sendable {
    /// What the session does with the next bytes.
    enum Mode: Sendable, Hashable {
        case commands
        case data(DotUnstuffer)
        case bdat(remaining: Int, last: Bool, refusal: Reply?)
        case authPlain
        case authLoginUsername
        case authLoginPassword(username: String)
        case awaitingTLS
        case refusedService
        case closed
    }

    /// The persona the session plays.
    public let persona: Persona
    /// What the session knows about its connection.
    public let environment: SessionEnvironment

    var mode = Mode.commands
    /// Frames lines up to RFC 4954's 12,288 octets, so AUTH lines fit; other command lines over RFC 5321's 512
    /// are refused in ``readLines(actions:)``.
    var framer = CommandLineFramer(maxLineLength: SMTPLimits.authLine)
    /// The connection time as `{date}` shows it, formatted once.
    let dateText: String
    var helo: String?
    var tlsActive: Bool
    var authenticatedUser: String?
    var transaction: MailTransaction?
    var ruleMatches: [Int: Int] = [:]
    var messagesAccepted = 0
    /// Whether the persona has `MESSAGE` rules, which read the message's text.
    let hasMessageRules: Bool

    /// Creates a session for a new connection.
    public init(persona: Persona, environment: SessionEnvironment) {
        self.persona = persona
        self.environment = environment
        self.tlsActive = environment.implicitTLS
        self.dateText = Self.rfc5322Date(environment.connectedAt)
        self.hasMessageRules = persona.rules.contains { $0.condition.command == "MESSAGE" }
    }

    /// The largest message accepted when the persona sets no `size-limit`: 64 MiB. Without a limit of its own a
    /// session would keep whatever a client sends.
    public static let defaultSizeLimit = 64 << 20

    /// The size limit in force: the persona's, or ``defaultSizeLimit``.
    var sizeLimit: Int { persona.sizeLimit ?? Self.defaultSizeLimit }

    /// How much of `MESSAGE` rules' message is searched when the server keeps less than whole messages: 1 MiB.
    public static let messageRuleWindow = 1 << 20

    /// How many octets of a message the session keeps in memory: what the environment asks for, but at least the
    /// header section (16 KiB) and, when the persona has `MESSAGE` rules, ``messageRuleWindow``; at most the size
    /// limit. The rest only goes to the spool.
    var keptContentLimit: Int {
        let asked = environment.keptContentOctets ?? sizeLimit
        let rules = hasMessageRules ? Self.messageRuleWindow : 0
        return min(sizeLimit, max(asked, MessageRetention.headerOctets, rules))
    }

    /// Whether the session is taking message content (after DATA's 354, or a BDAT chunk), not command lines.
    public var isReceivingContent: Bool {
        switch mode {
        case .data, .bdat: return true
        default: return false
        }
    }

    /// What the session is waiting for, in a word, for logs.
    public var phaseName: String {
        switch mode {
        case .commands: return "command"
        case .data: return "data"
        case .bdat: return "bdat"
        case .authPlain, .authLoginUsername, .authLoginPassword: return "auth"
        case .awaitingTLS: return "tls"
        case .refusedService: return "refused"
        case .closed: return "closed"
        }
    }

    /// Whether the session has ended; the connection should close.
    public var isClosed: Bool { mode == .closed }

    /// Whether TLS is active on the connection.
    public var isTLSActive: Bool { tlsActive }

    /// The user the client authenticated as, if any.
    public var authenticatedUsername: String? { authenticatedUser }

    /// The greeting (or the `CONNECT` rule's answer) when the connection opens.
    public mutating func start() -> [SessionAction] {
        var actions: [SessionAction] = []
        let outcome = applyRules(command: "CONNECT", argument: environment.clientAddress, actions: &actions)
        switch outcome {
        case .proceed(let replacement):
            actions.append(.reply(replacement ?? render(persona.banner)))
        case .refused(let reply, let close):
            actions.append(.reply(reply))
            if close || reply.code.value == 421 {
                actions.append(.close)
                mode = .closed
            } else {
                mode = .refusedService
            }
        case .disconnected:
            actions.append(.close)
            mode = .closed
        }
        return actions
    }

    /// Handles bytes from the client and returns what to do, in order.
    public mutating func receive(_ bytes: some Collection<UInt8>) -> [SessionAction] {
        var actions: [SessionAction] = []
        // Commands, the common case, go to the framer straight from `bytes`; message data and chunks are read from
        // a copy, made only when they come in the same read as a command or the session is in DATA or BDAT.
        var unread: ArraySlice<UInt8>?
        var input: ArraySlice<UInt8> {
            get {
                if let unread { return unread }
                let copy = Array(bytes)[...]
                unread = copy
                return copy
            }
            set { unread = newValue }
        }
        while true {
            switch mode {
            case .closed, .awaitingTLS:
                return actions
            case .data(var reader):
                // The reader leaves `mode` while it is fed, so what it holds is never copied.
                mode = .commands
                let progress = reader.feed(input)
                absorb(reader.takeBytes(), actions: &actions)
                switch progress {
                case .needMore:
                    mode = .data(reader)
                    return actions
                case .complete(let message, let remainder):
                    input = remainder[...]
                    finishData(message, actions: &actions)
                }
            case .bdat(let remaining, let last, let refusal):
                let take = min(remaining, input.count)
                receiveChunk(
                    input.prefix(take),
                    remaining: remaining - take,
                    last: last,
                    refusal: refusal,
                    actions: &actions
                )
                input = input.dropFirst(take)
                if remaining - take > 0 { return actions }
                mode = .commands
                finishChunk(last: last, refusal: refusal, actions: &actions)
            default:
                if let unread { framer.append(unread) } else { framer.append(bytes) }
                input = []
                readLines(actions: &actions)
                if case .data = mode {
                    input = framer.takeBufferedBytes()[...]
                } else if case .bdat = mode {
                    input = framer.takeBufferedBytes()[...]
                } else {
                    return actions
                }
            }
        }
    }

    /// Called once the TLS handshake after STARTTLS has finished: the session starts over as after
    /// the greeting (RFC 3207 §4.2), forgetting the EHLO, the transaction and authentication.
    public mutating func tlsEstablished() {
        guard mode == .awaitingTLS else { return }
        tlsActive = true
        helo = nil
        transaction = nil
        authenticatedUser = nil
        framer = CommandLineFramer(maxLineLength: SMTPLimits.authLine)
        mode = .commands
    }

    /// The connection was idle too long: say so and close.
    public mutating func idleTimeout() -> [SessionAction] {
        guard mode != .closed else { return [] }
        mode = .closed
        return [.reply(render(persona.replies[.timeout])), .close]
    }

    /// Ends the session with a reply (when the server shuts down, for example).
    public mutating func close(with reply: Reply?) -> [SessionAction] {
        guard mode != .closed else { return [] }
        mode = .closed
        return (reply.map { [SessionAction.reply($0)] } ?? []) + [.close]
    }

    private mutating func readLines(actions: inout [SessionAction]) {
        while let next = framer.nextLine() {
            switch next {
            case .failure:
                // Over 12,288 octets: too long for anything. An AUTH exchange in progress is cancelled, so the next
                // line is read as a command again, never as a credential.
                cancelAuthExchange()
                actions.append(.reply(reply(.lineTooLong)))
            case .success(let line) where line.octets > SMTPLimits.commandLine && !allowsAuthLength(line):
                actions.append(.reply(reply(.lineTooLong)))
            case .success(let line):
                handleLine(line.text, actions: &actions)
            }
            switch mode {
            case .commands, .authPlain, .authLoginUsername, .authLoginPassword, .refusedService:
                continue
            default:
                return
            }
        }
    }

    /// Whether a line over 512 octets may still be handled: an AUTH command line or a response in an AUTH
    /// exchange, up to RFC 4954's 12,288 octets.
    private func allowsAuthLength(_ line: FramedLine) -> Bool {
        switch mode {
        case .authPlain, .authLoginUsername, .authLoginPassword: return true
        case .commands:
            let verb = line.bytes.prefix(5).map { $0 | 0x20 }
            return verb == Array("auth ".utf8)
        default: return false
        }
    }

    /// Ends an AUTH exchange in progress, if any.
    mutating func cancelAuthExchange() {
        switch mode {
        case .authPlain, .authLoginUsername, .authLoginPassword: mode = .commands
        default: break
        }
    }

    private mutating func handleLine(_ line: String, actions: inout [SessionAction]) {
        switch mode {
        case .authPlain, .authLoginUsername, .authLoginPassword:
            handleAuthResponse(line, actions: &actions)
        case .refusedService:
            let verb = line.drop { $0 == " " }
            if verb.equalsIgnoringASCIICase("QUIT") || verb.hasPrefixIgnoringASCIICase("QUIT ") {
                actions.append(.reply(reply(.quit)))
                actions.append(.close)
                mode = .closed
            } else {
                actions.append(.reply(reply(.badSequence)))
            }
        default:
            handleCommand(line, actions: &actions)
        }
    }
}
