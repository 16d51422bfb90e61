import Foundation
import SMTPCore

/// Somewhere mail arrives that an await step can read: a capture server, the mock, a maildir, an IMAP mailbox.
/// SMTPRunner reads sources only through this protocol; the CLI gives it the in-process servers' stores.
public protocol MessageSource: Sendable {
    /// The messages that may be the one looked for: those whose header or text mentions `query`'s identifiers.
    /// A source may return more than the strict match (the runner decides); it returns at most `limit`.
    func candidates(for query: ArrivalQuery, limit: Int) async throws -> [ArrivedMessage]

    /// The latest arrivals, newest last, at most `limit`: what a report shows when nothing matched.
    func latest(limit: Int) async throws -> [ArrivedMessage]
}

/// What an await step looks for: a message by its Message-ID, or the notifications that refer to it.
public struct ArrivalQuery: Sendable, Hashable {
    /// The message (`await-message`) or its notifications (`await-dsn`).
    public var kind: Kind
    /// The Message-ID the case sent, with angle brackets.
    public var messageID: String
    /// The ENVID of its transaction, if it had one.
    public var envelopeID: String?

    /// What is looked for.
    public enum Kind: Sendable, Hashable {
        /// The message itself: its own Message-ID header is ``ArrivalQuery/messageID``.
        case message
        /// A notification that returns the message's headers or names its ENVID.
        case notification
    }

    /// Creates a query.
    public init(kind: Kind, messageID: String, envelopeID: String? = nil) {
        self.kind = kind
        self.messageID = messageID
        self.envelopeID = envelopeID
    }

    /// The strings a candidate's text must contain at least one of.
    public var needles: [String] {
        [messageID] + (kind == .notification ? [envelopeID].compactMap { $0 } : [])
    }

    /// Whether `content` mentions any of ``needles`` (a plain byte search, cheap enough for a poll): for a
    /// message, in its header section only (where its Message-ID is); for a notification, anywhere (the returned
    /// headers are in its body).
    public func isMentioned(in content: [UInt8]) -> Bool {
        let searched = kind == .message ? content[..<Self.headerEnd(of: content)] : content[...]
        return needles.contains { needle in
            let bytes = Array(needle.utf8)
            guard !bytes.isEmpty, bytes.count <= searched.count else { return false }
            var start = searched.startIndex
            while let index = searched[start...].firstIndex(of: bytes[0]) {
                if index + bytes.count > searched.endIndex { return false }
                if searched[index..<(index + bytes.count)].elementsEqual(bytes) { return true }
                start = index + 1
            }
            return false
        }
    }

    /// Where the header section ends: after the first empty line (CRLF CRLF or LF LF), or the whole content.
    static func headerEnd(of content: [UInt8]) -> Int {
        var index = 0
        while index + 1 < content.count {
            if content[index] == 0x0A {
                if content[index + 1] == 0x0A { return index + 2 }
                if content[index + 1] == 0x0D, index + 2 < content.count, content[index + 2] == 0x0A {
                    return index + 3
                }
            }
            index += 1
        }
        return content.count
    }
}

/// A message a source holds: its content, and its envelope when the source knows it (a capture does, a mailbox
/// does not).
public struct ArrivedMessage: Sendable, Hashable {
    /// Where it is, as a report names it: `capture relay-sink (127.0.0.1:2526) #3`, `maildir …/new/1700.M1`,
    /// `imap … UID 42`.
    public var origin: String
    /// The reverse-path it arrived with (empty for `<>`), when the source knows it.
    public var reversePath: String?
    /// The envelope recipients it arrived for, when the source knows them.
    public var recipients: [String]?
    /// The message: header section, blank line, body.
    public var content: [UInt8]
    /// Whether ``content`` holds only the header section (the source's content budget was spent).
    public var isContentTrimmed: Bool
    /// When it arrived, when the source knows.
    public var receivedAt: Date?

    /// Creates an arrived message.
    public init(
        origin: String,
        reversePath: String? = nil,
        recipients: [String]? = nil,
        content: [UInt8],
        isContentTrimmed: Bool = false,
        receivedAt: Date? = nil
    ) {
        self.origin = origin
        self.reversePath = reversePath
        self.recipients = recipients
        self.content = content
        self.isContentTrimmed = isContentTrimmed
        self.receivedAt = receivedAt
    }
}

/// The sources a run offers await steps: the scenario's captures (by listening address) and the `run --mock`
/// server. Maildir and IMAP sources are made by the runner from the step itself.
public struct MessageSources: Sendable {
    /// The capture servers of the run, by the address they listen on.
    public var captures: [HostPort: any MessageSource]
    /// The `run --mock` server of the scenario, when there is one.
    public var mock: (any MessageSource)?

    /// Creates the sources.
    public init(captures: [HostPort: any MessageSource] = [:], mock: (any MessageSource)? = nil) {
        self.captures = captures
        self.mock = mock
    }
}
