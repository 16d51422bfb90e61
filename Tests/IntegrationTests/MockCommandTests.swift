import Foundation
import Testing

/// `smtpspec mock` as a user runs it: every number and duration on the command line is checked (exit 2, a clear
/// message, never a crash), the server stays on loopback unless `--allow-remote`, and SIGINT or SIGTERM stop it
/// cleanly with exit 0 from the moment it says it is listening. Nothing here listens beyond loopback.
@Suite("smtpspec mock on the command line")
struct MockCommandTests {
    @Test(
        "bad numbers and durations exit 2 with a message naming the option",
        arguments: [
            (["--idle-timeout", "9223372037"], "--idle-timeout"),
            (["--idle-timeout", "0"], "--idle-timeout"),
            (["--idle-timeout", "25h"], "--idle-timeout"),
            (["--idle-timeout", "5 minutes"], "--idle-timeout"),
            (["--command-timeout", "-1s"], "--command-timeout"),
            (["--command-timeout", "99999999999999999999h"], "--command-timeout"),
            (["--min-data-rate", "0"], "--min-data-rate"),
            (["--min-data-rate", "1e3"], "--min-data-rate"),
            (["--max-connections", "9223372036854775808"], "--max-connections"),
            (["--max-connections", "0"], "--max-connections"),
            (["--listen", "127.0.0.1:65536"], "--listen"),
        ]
    )
    func badNumbersExit2(arguments: [String], option: String) throws {
        let outcome = try CLITests.smtpspec(["mock", "--listen", "127.0.0.1:0"] + arguments)
        #expect(outcome.status == 2, "\(outcome.error)")
        #expect(outcome.error.contains(option), "\(outcome.error)")
        #expect(outcome.output.isEmpty)
    }

    @Test("an address beyond loopback is refused without --allow-remote, before anything listens")
    func remoteNeedsAllowRemote() throws {
        for address in ["0.0.0.0:2799", "[::]:2799", "192.0.2.1:2525"] {
            let outcome = try CLITests.smtpspec(["mock", "--listen", address])
            #expect(outcome.status == 2, "\(outcome.error)")
            #expect(outcome.error.contains("not a loopback address"), "\(outcome.error)")
            #expect(outcome.error.contains("--allow-remote"), "\(outcome.error)")
            #expect(!outcome.output.contains("listening"))
        }
    }

    @Test("SIGTERM and SIGINT right after the listening line always stop the mock with exit 0", arguments: 1...10)
    func stopSignalsRightAfterListening(attempt: Int) async throws {
        let signal = attempt % 2 == 0 ? SIGINT : SIGTERM
        let (status, reason, output, error) = try await Self.startThenSignal(
            ["mock", "--persona", "postfix", "--listen", "127.0.0.2:0", "--allow-remote"],
            signal: signal
        )
        #expect(reason == .exit, "died by a signal: \(error)")
        #expect(status == 0, "\(error)")
        #expect(output.contains("listening on 127.0.0.2:"))
        // 127.0.0.2 is loopback: --allow-remote changes nothing there, and no warning is printed.
        #expect(!error.contains("warning:"))
    }

    @Test("the log has every session's lines in StreamLogHandler's format, the last ones too, when the mock stops")
    func logLinesAreCompleteAtStop() async throws {
        let sessions = 40
        let (status, _, _, error) = try await Self.startThenSignal(
            ["mock", "--persona", "sink", "--listen", "127.0.0.1:0"],
            signal: SIGTERM
        ) { output in
            // 40 sessions with Python's smtplib, one after another, before the signal.
            guard
                let port = output.split(separator: ":").last.flatMap({
                    Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
                })
            else { return }
            let script = """
                import smtplib, sys
                for n in range(int(sys.argv[2])):
                    with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=20) as s:
                        s.sendmail('chris@contoso.com', ['kate@fabrikam.com'], 'Subject: %d\\r\\n\\r\\nhi\\r\\n' % n)
                """
            let python = Process()
            python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            python.arguments = ["-c", script, String(port), String(sessions)]
            try? python.run()
            python.waitUntilExit()
        }
        #expect(status == 0, "\(error)")
        let lines = error.split(separator: "\n").map(String.init)
        let format =
            #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} (info|notice) smtpspec\.mock:( [a-z-]+=\S+)* \[(SMTPMock|smtpspec)\] .+$/#
        for line in lines {
            #expect(line.wholeMatch(of: format) != nil, "not in the log format: \(line)")
        }
        for connection in 1...sessions {
            let own = lines.filter { $0.contains(" connection=\(connection) ") }
            let events = own.map { line in
                ["session opened", "message accepted", "session closed"].first { line.hasSuffix($0) }
            }
            #expect(
                events == ["session opened", "message accepted", "session closed"],
                "connection \(connection): \(own)"
            )
        }
        #expect(lines.last?.hasSuffix("[SMTPMock] mock SMTP server stopped") == true, "\(lines.suffix(3))")
    }

    /// Starts `smtpspec` with `arguments`, runs `whileListening` (given standard output so far) on a thread of its own
    /// once a line with "listening" appears on standard output, then sends `signal`, and waits for the process
    /// (killed after 30 s).
    static func startThenSignal(
        _ arguments: [String],
        signal: Int32,
        whileListening: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> (Int32, Process.TerminationReason, String, String) {
        let candidates = [".build/debug/smtpspec", ".build/release/smtpspec"].map { CLITests.root + "/" + $0 }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CLITests.CLIMissing(message: "no smtpspec binary under .build; run `swift build` first")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLITests.root)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(30))
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        let pid = process.processIdentifier
        let output = await Self.offPool { () -> String in
            var seen = Data()
            while true {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
                if String(decoding: seen, as: UTF8.self).contains("listening") {
                    whileListening(String(decoding: seen, as: UTF8.self))
                    kill(pid, signal)
                    seen.append(out.fileHandleForReading.readDataToEndOfFile())
                    break
                }
            }
            return String(decoding: seen, as: UTF8.self)
        }
        let error = await Self.offPool {
            String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        await Self.offPool { process.waitUntilExit() }
        return (process.terminationStatus, process.terminationReason, output, error)
    }

    /// Runs blocking work on a thread of its own, off the cooperative pool.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
