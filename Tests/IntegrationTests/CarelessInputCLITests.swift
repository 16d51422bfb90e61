import Foundation
import Testing

/// Careless input is refused before anything is sent, with exit status 2 and a message that says what is wrong.
@Suite("smtpspec refuses careless input before sending")
struct CarelessInputCLITests {
    /// Runs smtpspec as an unprivileged user when the tests run as root (root reads and writes everything), so
    /// that file permissions mean what they say.
    static func unprivileged(_ arguments: [String]) throws -> CLITests.Outcome {
        guard getuid() == 0 else { return try CLITests.smtpspec(arguments) }
        return try CLITests.smtpspec(
            arguments,
            launcher: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        )
    }

    static func scratch(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "smtpspec-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Readable by the unprivileged user the permission tests run as.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        return folder
    }

    static let walkthrough = "Examples/exchange-walkthrough.smtp.yaml"

    @Test("a --tag that matches no scenario is a usage error; an empty shard is not")
    func tagMatchingNothing() throws {
        let outcome = try CLITests.smtpspec(["run", "Examples", "--mock", "--tag", "nosuchtag"])
        #expect(outcome.status == 2, "\(outcome.output)\(outcome.error)")
        #expect(outcome.error.contains("--tag 'nosuchtag' matches no scenario"))
        #expect(outcome.error.contains("smoke"))
        #expect(outcome.error.contains("nothing was sent"))
        #expect(!outcome.output.contains("passed"))
        let misspelt = try CLITests.smtpspec(["run", "Examples", "--mock", "--tag", "smoek"])
        #expect(misspelt.status == 2)
        #expect(misspelt.error.contains("did you mean 'smoke'?"))
        // One scenario has the tag: the second of two shards gets none, and that is fine.
        let shard = try CLITests.smtpspec(["run", "Examples", "--mock", "--tag", "smoke", "--shard", "2/2"])
        #expect(shard.status == 0, "\(shard.output)\(shard.error)")
        #expect(shard.output.hasSuffix("0 passed, 0 failed\n"))
    }

    @Test("a directory that cannot be read is said to be unreadable, not empty")
    func unreadableDirectory() throws {
        if getuid() == 0, !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") { return }
        let folder = try Self.scratch("unreadable")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let locked = folder + "/locked"
        let nested = folder + "/open/inner"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.walkthrough, toPath: locked + "/a.smtp.yaml")
        try FileManager.default.copyItem(atPath: Self.walkthrough, toPath: folder + "/open/b.smtp.yaml")
        for path in [folder + "/open", folder + "/open/b.smtp.yaml"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: nested)
        defer {
            for path in [locked, nested] {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            }
        }
        let outcome = try Self.unprivileged(["check", locked])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("cannot read directory \(locked)"), "\(outcome.error)")
        #expect(!outcome.error.contains("no *.smtp.yaml files"))
        // Below a readable folder: the file found is checked, the folder that cannot be listed is reported.
        let below = try Self.unprivileged(["check", folder + "/open"])
        #expect(below.status == 2)
        #expect(below.error.contains("cannot read directory \(nested)"), "\(below.error)")
        #expect(below.output.contains("ok       \(folder)/open/b.smtp.yaml"))
    }

    @Test("a report or transcript destination that cannot be written is found before anything is sent")
    func unwritableDestinations() throws {
        let folder = try Self.scratch("destinations")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "x".write(toFile: folder + "/file", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/dir", withIntermediateDirectories: true)
        let outcome = try CLITests.smtpspec([
            "run", Self.walkthrough, "--mock", "--report", "json:\(folder)/file/report.json",
            "--report", "junit:\(folder)/dir", "--report", "tap:\(folder)/new/folder/report.tap",
            "--transcripts", "\(folder)/file",
        ])
        #expect(outcome.status == 2, "\(outcome.output)\(outcome.error)")
        #expect(outcome.error.contains("--report json:\(folder)/file/report.json: '\(folder)/file' is not a directory"))
        #expect(outcome.error.contains("--report junit:\(folder)/dir: '\(folder)/dir' is a directory"))
        #expect(!outcome.error.contains("report.tap"), "a missing folder is created, so it is fine")
        #expect(outcome.error.contains("--transcripts \(folder)/file: '\(folder)/file' is not a directory"))
        #expect(outcome.error.contains("nothing was sent"))
        #expect(!outcome.output.contains("passed"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/new"))

        if getuid() == 0, !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") { return }
        let readOnly = folder + "/read-only"
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly)
        let denied = try Self.unprivileged(["run", Self.walkthrough, "--mock", "--report", "html:\(readOnly)/r.html"])
        #expect(denied.status == 2, "\(denied.output)\(denied.error)")
        #expect(denied.error.contains("the directory '\(readOnly)' is not writable"))
    }

    /// A persona file with six mistakes.
    static let badPersona = """
        name: careless
        hostnme: mail.example
        banner: "hello"
        size-limit: lots
        greylisting: maybe
        mailboxes: [nodomain]
        rules:
          - when: {command: EHLOO}
            reply: "250 ok"

        """

    @Test("a persona file's mistakes are reported all at once, by run --mock and by mock")
    func everyPersonaMistake() throws {
        let folder = try Self.scratch("persona")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/careless.persona.yaml"
        try Self.badPersona.write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [["run", Self.walkthrough, "--mock", path], ["mock", "--persona", path]] {
            let outcome = try CLITests.smtpspec(arguments)
            #expect(outcome.status == 2, "\(arguments): \(outcome.error)")
            let errors = outcome.error.components(separatedBy: "\n").filter { $0.hasPrefix("error: ") }
            #expect(errors.count == 6, "\(outcome.error)")
            for line in [2, 3, 4, 5, 6, 8] {
                #expect(outcome.error.contains("\(path):\(line):"), "no error at line \(line)")
            }
            #expect(outcome.error.contains("did you mean 'hostname'?"))
        }
    }

    @Test("a misspelt --mock persona gets a did-you-mean, not 'no such file'")
    func misspeltMockPersona() throws {
        let outcome = try CLITests.smtpspec(["run", Self.walkthrough, "--mock", "exchnage"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("unknown built-in persona 'exchnage'"))
        #expect(outcome.error.contains("did you mean 'exchange'?"))
        #expect(!outcome.error.contains("no such file"))
    }

    @Test("check finds a misspelt persona, a missing persona file and a missing ca-file, each at its place")
    func checkFindsMissingThings() throws {
        let misspelt = try CLITests.smtpspec(["check", "Tests/Fixtures/invalid/unknown-persona.smtp.yaml"])
        #expect(misspelt.status == 2)
        #expect(misspelt.error.contains("error: unknown persona 'exchnage'"))
        #expect(misspelt.error.contains("--> Tests/Fixtures/invalid/unknown-persona.smtp.yaml:6:10"))
        #expect(misspelt.error.contains("did you mean 'exchange'?"))
        let missing = try CLITests.smtpspec(["check", "Tests/Fixtures/invalid/missing-files.smtp.yaml"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("--> Tests/Fixtures/invalid/missing-files.smtp.yaml:5:10"))
        #expect(missing.error.contains("cannot read ca-file 'certs/nowhere-ca.pem'"))
        #expect(missing.error.contains("--> Tests/Fixtures/invalid/missing-files.smtp.yaml:9:25"))
    }
}
