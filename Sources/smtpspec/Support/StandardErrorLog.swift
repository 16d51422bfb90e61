import Foundation
import Logging

/// Log lines on standard error, formatted and written by a thread of their own.
///
/// Logging takes the time and hands the line's parts over; the writer thread, woken by the first line after a quiet
/// spell, waits ``gathering`` for more, then formats all of them and writes them in one `write(2)`. Under load (the
/// mock serving thousands of sessions, three lines each, all on one event loop) neither formatting nor system calls
/// take the event loop's time, and a hundred lines share one write. A line waits at most about that long.
///
/// Limits: at most ``maximumPending`` lines wait. Past that, logging waits for the writer, as a direct write to a
/// stderr nobody reads would: memory stays bounded. ``flush()`` waits until every line handed over is written;
/// commands call it before they return.
final class StandardErrorLog: @unchecked Sendable {
    /// The one log of the process.
    static let shared = StandardErrorLog(descriptor: 2)

    /// How many lines may wait for the writer.
    static let maximumPending = 8192

    /// How long the writer gathers lines after the first one: 10 ms.
    static let gathering: TimeInterval = 0.010

    /// A line's parts, as logged; the writer formats them.
    struct Line: Sendable {
        var time: time_t
        var level: Logger.Level
        var label: String
        /// The handler's metadata.
        var base: Logger.Metadata
        /// The line's own metadata (the call's, a provider's, an error's), if any.
        var extra: Logger.Metadata
        var source: String
        var message: Logger.Message
    }

    private let descriptor: Int32
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending: [Line] = []
    private var writing = false
    private var idle = false
    private var started = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Hands a line over.
    func append(_ line: Line) {
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= Self.maximumPending { condition.wait() }
        pending.append(line)
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
        var batch: [Line] = []
        var bytes: [UInt8] = []
        var clock = TimestampCache()
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
            // Room for more lines now: a logger waiting for it goes on while these are written.
            condition.broadcast()
            condition.unlock()
            for line in batch {
                bytes.append(contentsOf: Self.format(line, timestamp: clock.text(for: line.time)).utf8)
            }
            write(bytes)
            batch.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            condition.lock()
            writing = false
            condition.broadcast()
            condition.unlock()
        }
    }

    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return  // A closed or broken stderr: what cannot be written is dropped, as Console does.
                }
            }
        }
    }

    /// StreamLogHandler's line: `TIMESTAMP LEVEL LABEL: KEY=VALUE … [SOURCE] MESSAGE`, keys sorted, the line's own
    /// metadata over the handler's.
    static func format(_ line: Line, timestamp: String) -> String {
        let metadata = render(line.extra.isEmpty ? line.base : line.base.merging(line.extra) { $1 })
        let label = line.label.isEmpty ? "" : " " + line.label
        return "\(timestamp) \(line.level)\(label):\(metadata) [\(line.source)] \(line.message)\n"
    }

    /// ` key=value key=value`, keys sorted; empty without metadata.
    private static func render(_ metadata: Logger.Metadata) -> String {
        var text = ""
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            text += " \(key)=\(value)"
        }
        return text
    }

    /// The local time as `2026-12-07T08:31:10+0000`, formatted again only when the second changes.
    private struct TimestampCache {
        private var second: time_t = -1
        private var text = ""

        mutating func text(for time: time_t) -> String {
            guard time != second else { return text }
            second = time
            var local = tm()
            var time = time
            guard localtime_r(&time, &local) != nil else {
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

/// A log handler writing StreamLogHandler's line format through ``StandardErrorLog``, which formats on its own
/// thread: logging only gathers a line's parts.
struct StandardErrorLogHandler: LogHandler {
    /// The logger's label.
    let label: String
    /// Where lines go.
    let log: StandardErrorLog
    var logLevel: Logger.Level = .info
    var metadataProvider: Logger.MetadataProvider?
    var metadata: Logger.Metadata = [:]

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
        // The call's own metadata as it is, unless a provider's must be merged in first (a merge copies).
        var extra: Logger.Metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            extra = provided
            if let own = event.metadata { extra.merge(own) { $1 } }
        } else {
            extra = event.metadata ?? [:]
        }
        if let error = event.error {
            extra["error.message"] = "\(error)"
            extra["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        log.append(
            StandardErrorLog.Line(
                time: time(nil),
                level: event.level,
                label: label,
                base: metadata,
                extra: extra,
                source: event.source,
                message: event.message
            )
        )
    }
}
