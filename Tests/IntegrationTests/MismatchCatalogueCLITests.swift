import Foundation
import Testing

/// The catalogue's mismatch rows as a user reaches them: `explain --mismatch`, a team's `--reasons` file that
/// replaces a row, and the open step's timeout as `plan` shows it.
@Suite("Mismatch rows and open timeouts on the command line")
struct MismatchCatalogueCLITests {
    @Test("explain --mismatch shows a kind's meaning and reasons")
    func explainMismatch() throws {
        let outcome = try CLITests.smtpspec(["explain", "--mismatch", "capability-missing"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.contains("mismatch    capability-missing"))
        #expect(outcome.output.contains("offers it only after STARTTLS"))
        #expect(outcome.output.contains("downgrade"))
    }

    @Test("explain --mismatch knows every kind the runner records, and refuses others")
    func explainEveryKind() throws {
        for kind in ["greeting-timeout", "greeting-too-slow", "tls-name", "tls-valid-days", "text", "recipient-reply"] {
            let outcome = try CLITests.smtpspec(["explain", "--mismatch", kind])
            #expect(outcome.status == 0, "\(kind): \(outcome.error)")
            #expect(outcome.output.contains("possible reasons\n  - "), "\(kind)")
        }
        let unknown = try CLITests.smtpspec(["explain", "--mismatch", "capability-mising"])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("unknown mismatch 'capability-mising'"))
    }

    /// Writes a team's reasons file into a new temporary folder and runs `body` with it.
    func withTeamFile(_ text: String, _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtpspec-team-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let team = folder.appendingPathComponent("team.reasons.yaml")
        try text.write(to: team, atomically: true, encoding: .utf8)
        try body(team)
    }

    @Test("a team's reasons file replaces a mismatch row, in explain and in a failure report")
    func teamOverride() throws {
        try withTeamFile(
            """
            version: 1
            mismatches:
              - mismatch: capability-missing
                meaning: Our relays must offer every extension in the runbook.
                reasons:
                  - The relay was rebuilt from the old image without the extension (see runbook MAIL-12).
            """
        ) { team in
            let explained = try CLITests.smtpspec([
                "explain", "--mismatch", "capability-missing", "--reasons", team.path,
            ])
            #expect(explained.status == 0, "\(explained.error)")
            #expect(explained.output.contains("runbook MAIL-12"))
            let run = try CLITests.smtpspec([
                "run", "Tests/Fixtures/golden/capability-parameter.smtp.yaml", "--mock", "exchange", "--no-color",
                "--reasons", team.path,
            ])
            #expect(run.status == 1)
            // capability-parameter keeps the bundled row; a capability-missing failure gets the team's.
            #expect(run.output.contains("without the parameter the step requires"))
            let missing = try CLITests.smtpspec([
                "run", "Tests/Fixtures/golden/capability-assertions.smtp.yaml", "--mock", "exchange", "--no-color",
                "--reasons", team.path,
            ])
            #expect(missing.output.contains("meaning   Our relays must offer every extension in the runbook."))
            #expect(missing.output.contains("runbook MAIL-12"))
        }
    }

    @Test("a misspelt mismatch kind in a team file is a located error, and stops `run` before anything is sent")
    func teamTypo() throws {
        try withTeamFile(
            """
            version: 1
            mismatches:
              - mismatch: greeting-timout
                meaning: x
                reasons: [y]
            """
        ) { team in
            let outcome = try CLITests.smtpspec(["explain", "--mismatch", "text", "--reasons", team.path])
            #expect(outcome.status == 2)
            #expect(outcome.error.contains("unknown mismatch kind 'greeting-timout'"))
            #expect(outcome.error.contains("team.reasons.yaml:3:15"))
            #expect(outcome.error.contains("did you mean 'greeting-timeout'?"))
            // `run` reads a team file before it sends anything (the bundled catalogue alone waits for a failure).
            let run = try CLITests.smtpspec([
                "run", "Tests/Fixtures/golden/capability-assertions.smtp.yaml", "--mock", "exchange", "--no-color",
                "--reasons", team.path,
            ])
            #expect(run.status == 2)
            #expect(run.error.contains("unknown mismatch kind 'greeting-timout'"))
            #expect(!run.output.contains("passed") && !run.output.contains("failed"), "\(run.output)")
        }
    }

    @Test("plan shows the open step's own timeout, which bounds connecting and the greeting")
    func openTimeoutInPlan() throws {
        let outcome = try CLITests.smtpspec(["plan", "Tests/Fixtures/golden/greeting-timeout.smtp.yaml"])
        #expect(outcome.status == 0, "\(outcome.error)")
        let lines = outcome.output.split(separator: "\n").map(String.init)
        let open = try #require(lines.firstIndex { $0.contains("1. open") })
        #expect(lines[open...].prefix(5).contains { $0.trimmingCharacters(in: .whitespaces) == "timeout 1s" })
    }
}
