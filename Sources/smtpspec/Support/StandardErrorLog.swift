import Foundation
import Logging

/// Log lines on standard error, written by a thread of their own.
///
/// A line is formatted where it is logged and handed over. The writer thread, woken by the first line after a
/// quiet spell, waits ``gathering`` for more and writes all of them in one `write(2)`, so under load (the mock
/// serving thousands of sessions, three lines each) a hundred lines share one system call and one wake-up, instead
/// of each line taking a system call on an event loop. A line waits at most that long.
///
/// Limits: at most ``maximumPending`` octets wait. Past that, logging waits for the writer, as a direct write to
/// a stderr nobody reads would: memory stays bounded. ``flush()`` waits until every line handed over is written;
/// commands call it before they return.
final class StandardErrorLog: @unchecked Sendable {
    /// The one log of the process.
    static let shared = StandardErrorLog(descriptor: 2)

    /// How many octets may wait for the writer: 1 MiB.
    static let maximumPending = 1 << 20

    /// How long the writer gathers lines after the first one: 10 ms.
    static let gathering: TimeInterval = 0.010

    private let descriptor: Int32
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending: [UInt8] = []
    private var writing = false
    private var idle = false
    private var started = false
    private var clock = TimestampCache()

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Hands a line over: `body` gets the line's timestamp and appends the rest of the line (with its newline).
    func append(_ body: (String) -> String) {
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= Self.maximumPending { condition.wait() }
        pending.append(contentsOf: body(clock.now()).utf8)
        if !started {
            started = true
            let writer = Thread { [self] in self.writeForever() }
            writer.name = "smtpspec log"
            writer.start()
        } else if idle {
            idle = false
            condition.broadcast()
        }
    }

    /// Waits until every line handed over so far is written.
    func flush() {
        condition.lock()
        defer { condition.unlock() }
        while !pending.isEmpty || writing { condition.wait() }
    }

    private func writeForever() {
        var batch: [UInt8] = []
        while true {
            condition.lock()
            while pending.isEmpty {
                idle = true
                condition.wait()
            }
            idle = false
            condition.unlock()
            Thread.sleep(forTimeInterval: Self.gathering)
            condition.lock()
            swap(&batch, &pending)
            writing = true
            condition.broadcast()
            condition.unlock()
            batch.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        break  // A closed or broken stderr: what cannot be written is dropped, as Console does.
                    }
                }
            }
            batch.removeAll(keepingCapacity: true)
            condition.lock()
            writing = false
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The local time as `2026-12-07T08:31:10+0000`, formatted again only when the second changes.
    private struct TimestampCache {
        private var second: time_t = -1
        private var text = ""

        mutating func now() -> String {
            var current = time(nil)
            guard current != second else { return text }
            second = current
            var local = tm()
            guard localtime_r(&current, &local) != nil else {
                text = "<unknown>"
                return text
            }
            var buffer = [CChar](repeating: 0, count: 64)
            let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &local)
            text = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return text
        }
    }
}

/// A log handler writing StreamLogHandler's line format (`TIMESTAMP LEVEL LABEL: KEY=VALUE … [SOURCE] MESSAGE`,
/// keys sorted) through ``StandardErrorLog``. The handler's own metadata is rendered once, when it is set, not on
/// every line.
struct StandardErrorLogHandler: LogHandler {
    /// The logger's label.
    let label: String
    /// Where lines go.
    let log: StandardErrorLog
    var logLevel: Logger.Level = .info
    var metadataProvider: Logger.MetadataProvider?
    var metadata: Logger.Metadata = [:] {
        didSet { renderedMetadata = Self.render(metadata) }
    }
    private var renderedMetadata = ""

    init(label: String, log: StandardErrorLog = .shared) {
        self.label = label
        self.log = log
        self.metadataProvider = LoggingSystem.metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let provided = metadataProvider?.get() ?? [:]
        var extra = event.metadata ?? [:]
        if let error = event.error {
            extra["error.message"] = "\(error)"
            extra["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        let rendered: String
        if provided.isEmpty, extra.isEmpty {
            rendered = renderedMetadata
        } else {
            rendered = Self.render(
                metadata.merging(provided) { $1 }.merging(extra) { $1 }
            )
        }
        let head = "\(event.level)\(label.isEmpty ? "" : " ")\(label):"
        let tail = " [\(event.source)] \(event.message)\n"
        log.append { timestamp in
            timestamp + " " + head + rendered + tail
        }
    }

    /// ` key=value key=value`, keys sorted; empty without metadata.
    private static func render(_ metadata: Logger.Metadata) -> String {
        var text = ""
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            text += " \(key)=\(value)"
        }
        return text
    }
}
