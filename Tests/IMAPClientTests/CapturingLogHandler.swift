import Logging
import Synchronization

/// A log handler that keeps every message and its metadata as text, to check what the client logs.
struct CapturingLogHandler: LogHandler {
    /// The lines logged, shared by copies of the handler.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])

        /// Everything logged so far, one line each.
        var all: [String] { lines.withLock { $0 } }
    }

    let store: Lines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "\(event.level) \(event.message) \(metadata) \(event.metadata ?? [:])"
        store.lines.withLock { $0.append(line) }
    }

    /// A trace-level logger writing to `store`.
    static func logger(_ store: Lines) -> Logger {
        Logger(label: "imap-capture") { _ in CapturingLogHandler(store: store) }
    }
}
