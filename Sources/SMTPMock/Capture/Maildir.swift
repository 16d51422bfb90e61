import Foundation

/// A maildir the mock server delivers into: each message is written under `tmp/` and then renamed
/// into `new/`, so a reader never sees half a message.
public struct Maildir: Sendable {
    /// The maildir's root folder.
    public let path: String

    /// Creates the maildir's `tmp`, `new` and `cur` folders when missing.
    ///
    /// - Throws: when the folders cannot be created.
    public init(path: String) throws {
        self.path = path
        for sub in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).appendingPathComponent(sub),
                withIntermediateDirectories: true
            )
        }
    }

    /// Writes one message's content and returns the path of the file in `new/`.
    @discardableResult
    public func deliver(_ message: ReceivedMessage) throws -> String {
        let name = Self.name(for: message)
        let temporary = (path as NSString).appendingPathComponent("tmp/\(name)")
        let final = (path as NSString).appendingPathComponent("new/\(name)")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(message.content)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        try FileManager.default.moveItem(atPath: temporary, toPath: final)
        return final
    }

    /// Starts writing a message as it arrives (see ``MaildirSpool``); `connection` and `sequence` make the
    /// temporary name unique.
    public func openSpool(connection: Int, sequence: Int) throws -> MaildirSpool {
        let time = Date().timeIntervalSince1970
        let process = ProcessInfo.processInfo.processIdentifier
        return try MaildirSpool(maildir: self, name: "\(Int(time)).P\(process)C\(connection)S\(sequence).smtpspec")
    }

    /// The file name of a delivered message: `<seconds>.M<microseconds>P<process>Q<queue id>.smtpspec`, unique per
    /// message because the queue id is.
    static func name(for message: ReceivedMessage) -> String {
        let time = message.receivedAt.timeIntervalSince1970
        let seconds = Int(time)
        let micros = Int((time - Double(seconds)) * 1_000_000)
        let process = ProcessInfo.processInfo.processIdentifier
        return "\(seconds).M\(micros)P\(process)Q\(message.queueID).smtpspec"
    }
}
