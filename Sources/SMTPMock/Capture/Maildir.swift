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
    ///
    /// The name is `<seconds>.M<microseconds>P<process>Q<queue id>.<host>`, unique per message
    /// because the queue id is.
    @discardableResult
    public func deliver(_ message: ReceivedMessage) throws -> String {
        let time = message.receivedAt.timeIntervalSince1970
        let seconds = Int(time)
        let micros = Int((time - Double(seconds)) * 1_000_000)
        let process = ProcessInfo.processInfo.processIdentifier
        let name = "\(seconds).M\(micros)P\(process)Q\(message.queueID).smtpspec"
        let temporary = (path as NSString).appendingPathComponent("tmp/\(name)")
        let final = (path as NSString).appendingPathComponent("new/\(name)")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(message.content)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        try FileManager.default.moveItem(atPath: temporary, toPath: final)
        return final
    }
}
