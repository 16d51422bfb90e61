import Foundation
import Testing

/// Runs the real SMTP clients the tests drive: swaks and Python's smtplib.
enum ExternalClient {
    static let swaks = "/usr/bin/swaks"
    static let python = "/usr/bin/python3"

    /// The output of a finished process.
    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Fails the test (never skips it) when a client is not installed.
    static func require(_ path: String, package: String) throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "\(path) is missing: install the Debian package '\(package)' (apt-get install -y \(package)); scripts/test.sh does"
        )
    }

    /// Runs swaks with `arguments` against `port` on 127.0.0.1.
    static func runSwaks(port: Int, _ arguments: [String]) async throws -> Output {
        try require(swaks, package: "swaks")
        return try await run(swaks, ["--server", "127.0.0.1", "--port", String(port)] + arguments)
    }

    /// Runs a Python script with `/usr/bin/python3`, passing `arguments` after it.
    static func runPython(_ script: String, _ arguments: [String] = [], timeout: Double = 120) async throws -> Output {
        try require(python, package: "python3")
        return try await run(python, ["-c", script] + arguments, timeout: timeout)
    }

    /// Runs a program to completion (killed after `timeout` seconds) and collects its output.
    static func run(_ path: String, _ arguments: [String], timeout: Double = 120) async throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(timeout))
            if process.isRunning { process.terminate() }
        }
        // Blocking reads and waits run on threads of their own: on the cooperative pool (two threads
        // on a two-core machine) they would starve the server the client talks to.
        async let outData = Self.offPool { out.fileHandleForReading.readDataToEndOfFile() }
        async let errData = Self.offPool { err.fileHandleForReading.readDataToEndOfFile() }
        let (stdoutData, stderrData) = await (outData, errData)
        await Self.offPool { process.waitUntilExit() }
        watchdog.cancel()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self)
        )
    }

    /// Runs blocking work on a thread of its own and waits for it without holding a cooperative
    /// thread (dispatch's global queues are as narrow as the machine too).
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryDirectory(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "smtpmock-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The files delivered into a maildir's `new/`, as bytes, in name order.
    static func maildirMessages(_ path: String) throws -> [[UInt8]] {
        let new = path + "/new"
        let names = try FileManager.default.contentsOfDirectory(atPath: new).sorted()
        return try names.map { Array(try Data(contentsOf: URL(fileURLWithPath: new + "/" + $0))) }
    }
}
