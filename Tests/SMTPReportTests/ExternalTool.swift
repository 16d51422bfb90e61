import Foundation
import Testing

/// A real consumer of a report format (xmllint, prove, python3, chromium), run as a child process.
struct ExternalTool {
    /// What a run of the tool printed and how it exited.
    struct Outcome {
        var status: Int32
        var output: String
    }

    var path: String
    var install: String

    /// The tool at the first existing path, or a recorded test failure naming the package to install.
    static func require(
        _ candidates: [String],
        install: String,
        sourceLocation: SourceLocation = #_sourceLocation
    )
        -> ExternalTool?
    {
        if let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return ExternalTool(path: path, install: install)
        }
        Issue.record(
            "\(candidates[0]) is missing, so this report format cannot be checked by its consumer: \(install)",
            sourceLocation: sourceLocation
        )
        return nil
    }

    /// Runs the tool and waits for it; standard output and standard error together.
    func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// Paths of the repository and a scratch folder per test.
enum Workspace {
    /// The repository root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A new empty folder under the system's temporary folder.
    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smtpspec-report-\(name)-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in `folder` and returns the file's path.
    static func write(_ text: String, named name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
