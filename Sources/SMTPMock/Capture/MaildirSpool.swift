import Foundation

/// One message being written into a ``Maildir`` as it arrives: a file under `tmp/`, renamed into `new/` when the
/// message is accepted, removed when it is not. The server never holds the whole message in memory.
///
/// Used by one connection at a time.
public final class MaildirSpool {
    /// The file under `tmp/`.
    public let temporaryPath: String
    private let maildir: Maildir
    private var handle: FileHandle?

    /// How many octets were written.
    public private(set) var octets = 0

    init(maildir: Maildir, name: String) throws {
        self.maildir = maildir
        temporaryPath = (maildir.path as NSString).appendingPathComponent("tmp/\(name)")
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporaryPath])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporaryPath))
    }

    /// Appends octets of the message.
    public func write(_ bytes: [UInt8]) throws {
        guard let handle else { return }
        try handle.write(contentsOf: bytes)
        octets += bytes.count
    }

    /// Moves the finished message into `new/` under the maildir name for `message`; returns its path.
    @discardableResult
    public func commit(as message: ReceivedMessage) throws -> String {
        try handle?.close()
        handle = nil
        let final = (maildir.path as NSString).appendingPathComponent("new/\(Maildir.name(for: message))")
        try FileManager.default.moveItem(atPath: temporaryPath, toPath: final)
        return final
    }

    /// Drops the message: closes and removes the file (nothing happens after a commit).
    public func discard() {
        guard let open = handle else { return }
        try? open.close()
        handle = nil
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    deinit {
        discard()
    }
}
