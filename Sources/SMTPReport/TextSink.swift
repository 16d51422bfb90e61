import Foundation

/// Where rendered report text goes: a string in memory, or a file written in large pieces.
protocol TextSink {
    /// Appends `text`.
    mutating func write(_ text: String) throws(ReportWriteError)
}

/// Collects the text in memory.
struct StringSink: TextSink {
    var text = ""

    mutating func write(_ text: String) {
        self.text += text
    }
}

/// Writes a file through a buffer: to a temporary file beside it, moved into place by ``commit()`` (a reader
/// never sees half a report). Creates missing parent folders.
final class FileSink: TextSink {
    let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 18

    init(path: String) throws(ReportWriteError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary =
            url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).partial").path
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        } catch {
            throw ReportWriteError(path: path, error: error)
        }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }

    func write(_ text: String) throws(ReportWriteError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws(ReportWriteError) {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ReportWriteError(path: path, error: error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and puts the file in place.
    func commit() throws(ReportWriteError) {
        try flush()
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            throw ReportWriteError(path: path, error: error)
        }
    }
}
