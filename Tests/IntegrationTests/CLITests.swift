import Foundation
import Testing

/// The `smtpspec` binary as a user runs it: exit statuses, what it prints, and that `check` and
/// `plan` touch no network.
@Suite("The smtpspec command line")
struct CLITests {
    /// The repository root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the built `smtpspec` with `arguments` from the repository root; `launcher` (a command and its
    /// arguments, such as setpriv dropping privileges) runs it when given.
    static func smtpspec(
        _ arguments: [String],
        environment: [String: String] = [:],
        launcher: [String] = []
    ) throws -> Outcome {
        let candidates = [".build/debug/smtpspec", ".build/release/smtpspec"].map { root + "/" + $0 }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CLIMissing(message: "no smtpspec binary under .build; run `swift build` first (scripts/test.sh does)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher.first ?? binary)
        process.arguments = launcher.isEmpty ? arguments : Array(launcher.dropFirst()) + [binary] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self)
        )
    }

    struct CLIMissing: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test("check Examples exits 0")
    func checkExamples() throws {
        let outcome = try Self.smtpspec(["check", "Examples"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.contains("ok       Examples/exchange-walkthrough.smtp.yaml"))
    }

    @Test("a misspelt verb exits 2, names its line and column, and suggests the verb")
    func misspeltVerb() throws {
        let outcome = try Self.smtpspec(["check", "Tests/Fixtures/invalid/misspelt-verb.smtp.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("error: unknown verb 'rcpt-to'"))
        #expect(outcome.error.contains("--> Tests/Fixtures/invalid/misspelt-verb.smtp.yaml:9:5"))
        #expect(outcome.error.contains("did you mean 'rcpt'?"))
    }

    @Test("a --var value carrying CR/LF exits 2 and nothing is sent")
    func injectedVariable() throws {
        for command in ["check", "plan"] {
            let outcome = try Self.smtpspec(
                [command, "Examples/exchange-walkthrough.smtp.yaml", "--var", "recipient=kate@fabrikam.com\r\nRSET"]
            )
            #expect(outcome.status == 2)
            #expect(outcome.error.contains("CR or LF in the argument of 'rcpt'"))
            #expect(outcome.error.contains("from --var"))
        }
    }

    @Test("plan prints the seed session's command lines")
    func planSeed() throws {
        let outcome = try Self.smtpspec(["plan", "Examples/exchange-walkthrough-raw.smtp.yaml"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let sent = outcome.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("C:") }
        #expect(
            sent == [
                "C: EHLO contoso.com", "C: MAIL FROM:<chris@contoso.com>",
                "C: RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE", "C: DATA", "C: Subject: Test from Contoso",
                "C:", "C: This is a test message", "C: .", "C: QUIT",
            ]
        )
    }

    @Test("plan masks secrets from ${env:} and passwords")
    func planSecrets() throws {
        let directory = NSTemporaryDirectory() + "smtpspec-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/auth.smtp.yaml"
        try """
        steps:
          - open: 127.0.0.1:2525
          - ehlo: client.example
          - auth: {mechanism: plain, username: "${env:SMTPSPEC_TEST_USER}", password: hunter2-literal, allow-plaintext: true}
          - vrfy: ${env:SMTPSPEC_TEST_USER}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Self.smtpspec(["plan", path], environment: ["SMTPSPEC_TEST_USER": "robot-user-42"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(!outcome.output.contains("robot-user-42"))
        #expect(!outcome.output.contains("hunter2-literal"))
        #expect(outcome.output.contains("C: AUTH PLAIN ******"))
        #expect(outcome.output.contains("C: VRFY ******"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try Self.smtpspec(["check"]).status == 2)
        #expect(
            try Self.smtpspec(["plan", "Examples/exchange-walkthrough.smtp.yaml", "--var", "no-equals"]).status == 2
        )
        #expect(try Self.smtpspec(["check", "does-not-exist.smtp.yaml"]).status == 2)
    }
}

@Suite("smtpspec explain")
struct ExplainCLITests {
    @Test("550 5.1.1 at rcpt gives the meaning and the seed's reason")
    func userUnknown() throws {
        let outcome = try CLITests.smtpspec(["explain", "550", "5.1.1", "--step", "rcpt"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.contains("permanent failure; addressing status; bad destination mailbox"))
        #expect(outcome.output.contains("The specified recipient doesn't exist."))
    }

    @Test("a refused connection lists the seed's five OPEN reasons")
    func refused() throws {
        let outcome = try CLITests.smtpspec(["explain", "refused", "--step", "open"])
        #expect(outcome.status == 0, "\(outcome.error)")
        for reason in [
            "The destination SMTP service is unavailable.", "Restrictions on the destination firewall.",
            "Restrictions on the source firewall.", "Incorrect FQDN or IP address for the destination SMTP server.",
            "Incorrect port number.",
        ] {
            #expect(outcome.output.contains(reason), "missing: \(reason)")
        }
    }

    @Test("a malformed code exits 2")
    func malformed() throws {
        #expect(try CLITests.smtpspec(["explain", "5.1"]).status == 2)
        #expect(try CLITests.smtpspec(["explain", "650"]).status == 2)
    }

    @Test("an enhanced status code alone gives its class, subject and detail and the entries that use it")
    func enhancedAlone() throws {
        let outcome = try CLITests.smtpspec(["explain", "5.7.1"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.contains("5.7.1  permanent failure; security or policy status; delivery not authorized"))
        #expect(outcome.output.contains("Delivery not authorized, message refused"))
        #expect(outcome.output.contains("delivery-not-authorized"))
        #expect(!outcome.output.contains("reply     "))
        let atRcpt = try CLITests.smtpspec(["explain", "5.7.54", "--step", "rcpt"])
        #expect(atRcpt.status == 0, "\(atRcpt.error)")
        #expect(atRcpt.output.contains("relay-denied-exchange-5-7-54"))
        #expect(atRcpt.output.contains("Receive connector"))
    }

    @Test("an incomplete enhanced code exits 2 and says what the form is")
    func incompleteEnhanced() throws {
        let outcome = try CLITests.smtpspec(["explain", "5.7"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("'5.7' is not an enhanced status code"))
        #expect(outcome.error.contains("class.subject.detail"))
        #expect(outcome.output.isEmpty)
        let twice = try CLITests.smtpspec(["explain", "5.7.1", "5.7.1"])
        #expect(twice.status == 2)
        #expect(twice.error.contains("already an enhanced status code"))
    }
}

@Suite("Each failure the seed documents is reported with its documented reasons")
struct SeedFailureReportTests {
    static let cases: [(file: String, mock: Bool, lines: [String])] = [
        (
            "ehlo-invalid-domain", true,
            [
                "got       501 5.5.4 Invalid domain name", "Invalid characters in the domain name.",
                "Connection restrictions on the destination SMTP server.",
            ]
        ),
        (
            "mail-from-invalid-address", true,
            ["got       550 5.1.7 Invalid address", "A syntax error in the sender's e-mail address."]
        ),
        (
            "mail-from-not-authenticated", true,
            [
                "got       530 5.7.1 Client was not authenticated",
                "The destination server doesn't accept anonymous message submissions.",
            ]
        ),
        (
            "rcpt-user-unknown", true,
            [
                "FAIL Tests/Fixtures/failing/rcpt-user-unknown.smtp.yaml:9:5  rcpt TO:<nobody@fabrikam.com> "
                    + "NOTIFY=SUCCESS,FAILURE",
                "expected  2xx", "got       550 5.1.1 User unknown",
                "meaning   permanent failure; addressing status; bad destination mailbox",
                "The specified recipient doesn't exist.",
                "S: 220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready",
            ]
        ),
        ("unrecognized-command", true, ["got       500 5.3.3 Unrecognized command"]),
        (
            "connection-refused", false,
            [
                "The destination SMTP service is unavailable.", "Restrictions on the destination firewall.",
                "Restrictions on the source firewall.", "Incorrect FQDN or IP address for the destination SMTP server.",
                "Incorrect port number.",
            ]
        ),
    ]

    @Test("the failure report carries the seed's reasons", arguments: cases.indices)
    func seedFailure(index: Int) throws {
        let (file, mock, lines) = Self.cases[index]
        let path = "Tests/Fixtures/failing/\(file).smtp.yaml"
        let outcome = try CLITests.smtpspec(["run", path] + (mock ? ["--mock"] : []))
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.error)")
        for line in lines {
            #expect(outcome.output.contains(line), "missing '\(line)' in:\n\(outcome.output)")
        }
        #expect(outcome.output.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test("every example passes against its own mock persona")
    func examplesAgainstTheMock() throws {
        let outcome = try CLITests.smtpspec(["run", "Examples", "--mock"])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.hasSuffix(" passed, 0 failed\n"))
    }

    @Test("an invalid scenario stops the run before anything is sent")
    func invalidStopsRun() throws {
        let outcome = try CLITests.smtpspec([
            "run", "Examples", "Tests/Fixtures/invalid/misspelt-verb.smtp.yaml", "--mock",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("nothing was sent"))
        #expect(!outcome.output.contains("passed"))
    }
}

@Suite("smtpspec run --fail-fast")
struct FailFastTests {
    @Test("after the first failure nothing new starts, and what was not played is counted as skipped")
    func failFast() throws {
        let outcome = try CLITests.smtpspec([
            "run", "Tests/Fixtures/failing/ehlo-invalid-domain.smtp.yaml",
            "Tests/Fixtures/failing/unrecognized-command.smtp.yaml", "--mock", "--fail-fast",
        ])
        #expect(outcome.status == 1)
        #expect(outcome.output.hasSuffix("0 passed, 1 failed, 1 skipped\n"), "\(outcome.output)")
    }
}
