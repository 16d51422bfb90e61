import Logging
import NIOCore

/// A logged-in IMAP session with one mailbox open read-only (EXAMINE), as ``IMAPClient/withSession(_:eventLoopGroup:logger:_:)``
/// hands it to its body.
///
/// Not `Sendable`: it owns the connection's inbound stream, which must be read by one task only. Use it from the
/// body it is given, one call at a time, and not after the body returns.
public final class IMAPSession {
    /// The server's capabilities, as last announced (after TLS and after login), e.g. `IMAP4rev1`, `AUTH=PLAIN`.
    public private(set) var capabilities: [String] = []
    let connection: IMAPConnection
    let configuration: IMAPConfiguration
    let logger: Logger
    private var tagNumber = 0
    /// How many messages the mailbox held when it was examined (its `EXISTS`).
    public internal(set) var messageCount: UInt32 = 0
    /// The text of an untagged BYE, once the server sent one.
    private(set) var byeText: String?

    init(connection: IMAPConnection, configuration: IMAPConfiguration, logger: Logger) {
        self.connection = connection
        self.configuration = configuration
        self.logger = logger
    }

    /// Whether the server announced `capability` (compared without case).
    public func has(_ capability: String) -> Bool {
        capabilities.contains { $0.caseInsensitiveCompare(capability) == .orderedSame }
    }

    /// `UID SEARCH HEADER <header> "<contains>"`: the UIDs of the messages whose header field `header` contains
    /// `contains` (a substring match, without case, RFC 9051 §6.4.4), in ascending order.
    ///
    /// Throws ``IMAPError/invalidArgument(_:)`` for a value with CR, LF, NUL or non-ASCII, and
    /// ``IMAPError/limitExceeded(_:)`` when more than ``IMAPLimits/maxSearchResults`` messages match.
    public func uidSearch(header: String, contains: String) async throws(IMAPError) -> [UInt32] {
        let field = try IMAPQuoted.encode(header, what: "the header field name")
        let value = try IMAPQuoted.encode(contains, what: "the header value searched for")
        return try await uidSearch(criteria: "HEADER \(field) \(value)")
    }

    /// `UID SEARCH TEXT "<text>"`: the UIDs of the messages whose header or body contains `text`, in ascending
    /// order. For DSNs, whose returned headers (and so the original Message-ID) live in the body.
    public func uidSearch(text: String) async throws(IMAPError) -> [UInt32] {
        let value = try IMAPQuoted.encode(text, what: "the text searched for")
        return try await uidSearch(criteria: "TEXT \(value)")
    }

    /// `UID SEARCH <first>:<last>` over the last `count` sequence numbers of the mailbox as examined: the UIDs of
    /// its latest messages, in ascending order (empty for an empty mailbox).
    public func uidsOfLatest(_ count: Int) async throws(IMAPError) -> [UInt32] {
        guard messageCount > 0, count > 0 else { return [] }
        let first = messageCount > UInt32(count) ? messageCount - UInt32(count) + 1 : 1
        return try await uidSearch(criteria: "\(first):\(messageCount)")
    }

    /// `UID FETCH <uid> BODY.PEEK[]`: the whole message, as stored, without setting `\Seen`.
    ///
    /// Throws ``IMAPError/commandFailed(command:status:text:)`` with status `OK` when the server completed the
    /// command without returning that message (no such UID, or it was expunged).
    public func fetchMessage(uid: UInt32) async throws(IMAPError) -> [UInt8] {
        let completion = try await run("UID FETCH", arguments: "\(uid) BODY.PEEK[]")
        var anyBody: [UInt8]?
        for case .fetch(_, let fetchedUID, let body?) in completion.untagged {
            if fetchedUID == uid { return body }
            if fetchedUID == nil { anyBody = body }
        }
        if let anyBody { return anyBody }
        throw .commandFailed(
            command: "UID FETCH",
            status: "OK",
            text: "the server returned no message with UID \(uid)"
        )
    }

    /// `NOOP`: lets the server report new arrivals in the open mailbox, so the next search sees them.
    public func noop() async throws(IMAPError) {
        _ = try await run("NOOP")
    }

    private func uidSearch(criteria: String) async throws(IMAPError) -> [UInt32] {
        let tag = nextTag()
        let completion = try await run("UID SEARCH", arguments: criteria, tag: tag)
        var uids: [UInt32] = []
        for response in completion.untagged {
            switch response {
            case .search(let numbers):
                uids += numbers
            case .esearch(let correlator, _, let all) where correlator == nil || correlator == tag:
                uids += all
            default:
                continue
            }
            guard uids.count <= configuration.limits.maxSearchResults else {
                throw .limitExceeded("a search matched more than \(configuration.limits.maxSearchResults) messages")
            }
        }
        return Array(Set(uids)).sorted()
    }

    /// A fresh tag: `A1`, `A2`, ...
    func nextTag() -> String {
        tagNumber += 1
        return "A\(tagNumber)"
    }

    /// Sends `name arguments` and reads up to its tagged completion; NO and BAD throw `commandFailed`. Untagged
    /// CAPABILITY data updates ``capabilities``.
    ///
    /// - Parameter shown: what the log shows instead of the arguments (for credentials).
    @discardableResult
    func run(
        _ name: String,
        arguments: String? = nil,
        tag: String? = nil,
        shown: String? = nil
    ) async throws(IMAPError) -> IMAPCompletion {
        let completion = try await send(name, arguments: arguments, tag: tag, shown: shown)
        guard completion.status.status == .ok else {
            throw .commandFailed(
                command: name,
                status: completion.status.status.rawValue,
                text: completion.status.text
            )
        }
        return completion
    }

    /// Sends a command and reads its completion whatever its status.
    func send(
        _ name: String,
        arguments: String? = nil,
        tag: String? = nil,
        shown: String? = nil,
        timeout: Duration? = nil
    ) async throws(IMAPError) -> IMAPCompletion {
        let tag = tag ?? nextTag()
        let line = [tag, name, arguments].compactMap { $0 }.joined(separator: " ")
        logger.debug("C: \([tag, name, shown ?? arguments].compactMap { $0 }.joined(separator: " "))")
        try await connection.write(line: line)
        return try await readCompletion(tag: tag, command: name, timeout: timeout)
    }

    /// Reads responses until the one tagged `tag`, for at most `timeout` (the command timeout by default).
    func readCompletion(
        tag: String,
        command: String,
        timeout: Duration? = nil
    ) async throws(IMAPError) -> IMAPCompletion {
        let deadline = NIODeadline.now() + TimeAmount(timeout ?? configuration.commandTimeout)
        var untagged: [IMAPUntaggedResponse] = []
        while true {
            let response: IMAPResponse
            do {
                response = try await connection.readResponse(until: deadline, command: command)
            } catch .closed {
                if let byeText { throw .commandFailed(command: command, status: "BYE", text: byeText) }
                throw .closed
            }
            switch response {
            case .tagged(let responseTag, let status) where responseTag == tag:
                logger.debug("S: \(tag) \(status.status.rawValue) \(status.text)")
                if let announced = status.code?.capabilities { capabilities = announced }
                return IMAPCompletion(untagged: untagged, status: status)
            case .tagged(let other, _):
                throw .protocolViolation("a completion for tag \(other) while waiting for \(tag)")
            case .continuation:
                throw .protocolViolation("an unexpected continuation request during \(command)")
            case .untagged(let data):
                note(data)
                untagged.append(data)
            }
        }
    }

    /// Keeps what an untagged response says about the session: capabilities, BYE.
    func note(_ data: IMAPUntaggedResponse) {
        switch data {
        case .capability(let announced):
            capabilities = announced
        case .status(let status) where status.status == .bye:
            byeText = status.text
            logger.debug("S: * BYE \(status.text)")
        default:
            break
        }
    }

    /// Replaces the known capabilities (from a greeting's code, or after STARTTLS, which forgets them).
    func setCapabilities(_ announced: [String]) {
        capabilities = announced
    }
}
