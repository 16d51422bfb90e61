import Foundation
import NIOConcurrencyHelpers

/// A maildir (`new/` and `cur/`) read as a ``MessageSource``: each file is a message. Files are read once per
/// poll at most, and a file that did not mention the query is not read again (maildir files never change
/// content; a rename to `cur/` keeps the unique name before `:`).
public final class MaildirSource: MessageSource {
    /// The maildir's directory.
    public let directory: String
    /// The most files looked at per poll, and the largest file read; past them the rest is left out.
    public let limits: Limits
    private let skipped = NIOLockedValueBox<Set<String>>([])

    /// How much of a maildir is read.
    public struct Limits: Sendable, Hashable {
        /// Files looked at per poll (newest first): 10,000.
        public var files = 10_000
        /// The largest file read: 32 MiB.
        public var fileOctets = 32 << 20

        /// The defaults.
        public init() {}
    }

    /// Creates a source for `directory`.
    public init(directory: String, limits: Limits = Limits()) {
        self.directory = directory
        self.limits = limits
    }

    public func candidates(for query: ArrivalQuery, limit: Int) async throws -> [ArrivedMessage] {
        var found: [ArrivedMessage] = []
        for file in try files() {
            let key = Self.uniqueName(file.name)
            if skipped.withLockedValue({ $0.contains(key) }) { continue }
            guard let content = read(file.path) else { continue }
            if query.isMentioned(in: content) {
                found.append(message(file, content))
                if found.count >= limit { break }
            } else {
                skipped.withLockedValue { _ = $0.insert(key) }
            }
        }
        return found
    }

    public func latest(limit: Int) async throws -> [ArrivedMessage] {
        try files().prefix(limit).reversed().compactMap { file in
            read(file.path, octets: 64 << 10).map { message(file, $0) }
        }
    }

    private struct File {
        var name: String
        var path: String
        var modified: Date
    }

    /// The message files, newest first; an unreadable maildir throws (no such directory, no permission).
    private func files() throws -> [File] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MessageSourceError.unreadable("no such maildir: \(directory)")
        }
        var files: [File] = []
        for sub in ["new", "cur"] {
            let folder = (directory as NSString).appendingPathComponent(sub)
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = (folder as NSString).appendingPathComponent(name)
                let modified = (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
                files.append(File(name: name, path: path, modified: modified))
            }
        }
        files.sort { $0.modified > $1.modified }
        return Array(files.prefix(limits.files))
    }

    private func read(_ path: String, octets: Int? = nil) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: octets ?? limits.fileOctets) else { return nil }
        return [UInt8](data)
    }

    private func message(_ file: File, _ content: [UInt8]) -> ArrivedMessage {
        ArrivedMessage(origin: "maildir \(file.path)", content: content, receivedAt: file.modified)
    }

    /// A maildir file's unique part: its name up to the `:2,` flags.
    private static func uniqueName(_ name: String) -> String {
        name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
    }
}

/// Why a message source could not be read.
public enum MessageSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The source cannot be read (a maildir that does not exist, an IMAP server that refused).
    case unreadable(String)
    /// The step names a source this run does not have (`at: mock` without `run --mock`).
    case unavailable(String)

    /// The problem in words.
    public var description: String {
        switch self {
        case .unreadable(let text), .unavailable(let text): return text
        }
    }
}
