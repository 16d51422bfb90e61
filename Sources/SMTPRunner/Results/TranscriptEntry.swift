import Foundation

/// One line of a session transcript: what the server sent, what the client sent, or a note of the runner.
public struct TranscriptEntry: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Who the line is from.
    public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
        /// A line the server sent (`S:`).
        case server = "S"
        /// A line the client sent (`C:`).
        case client = "C"
        /// A note of the runner: connecting, TLS established, a timeout (`*`).
        case note = "*"
    }

    /// When the line was sent or received.
    public var time: Date
    /// Time since the session started.
    public var offset: Duration
    /// Who the line is from.
    public var direction: Direction
    /// The line without CRLF, with every secret shown as `******`.
    public var text: String

    /// Creates an entry.
    public init(time: Date, offset: Duration, direction: Direction, text: String) {
        self.time = time
        self.offset = offset
        self.direction = direction
        self.text = text
    }

    /// `S: 220 mail.example.com ESMTP`, `C: EHLO contoso.com` or `* connected to 127.0.0.1:25`.
    public var description: String {
        direction == .note ? "* \(text)" : "\(direction.rawValue): \(text)"
    }
}
