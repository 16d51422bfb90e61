import Foundation
import SMTPCore
import SMTPReport
import SMTPRunner
import Testing

/// A password and an `${env:…}` value of the plan must not appear in any report, even where the runner let one
/// through (the report's own masking is the final defence).
@Suite struct SecretRedactionTests {
    static let password = "Tr0ub4dor&3<x>"
    static let envValue = "env-token-\"9f2c\"-Q7"

    /// A failed AUTH whose transcript, reply, failure message and captures leak both secrets.
    static var leaky: ScenarioResult {
        var result = SampleResults.rcptUnknown
        result.caseName = "as \(envValue)"
        result.transcript.insert(
            SampleResults.entry(25, .client, "AUTH LOGIN \(password) \(envValue)"),
            at: 6
        )
        var auth = SampleResults.step(
            4,
            .auth,
            line: 20,
            at: 40,
            sent: ["AUTH PLAIN \(password)"],
            reply: Reply(535, "5.7.8 bad credentials for \(password)"),
            failure: StepFailure(
                [
                    .reply(Reply(535, "5.7.8 bad credentials for \(password)")),
                    .refused(
                        .fence(
                            WireFenceViolation(slot: .headerValue, kind: .lineBreak, character: "\n", offset: 3),
                            what: "header 'X-\(envValue)'",
                            captures: ["token"]
                        )
                    ),
                ]
            ),
            lines: 0..<20
        )
        auth.captured = ["token": envValue]
        result.steps[3].verdict = .passed
        result.steps[3].failure = nil
        result.steps.append(auth)
        result.transcript.append(SampleResults.entry(40, .client, "AUTH PLAIN \(password)"))
        result.transcript.append(SampleResults.entry(40, .client, Data(password.utf8).base64EncodedString()))
        result.transcript.append(SampleResults.entry(41, .server, "535 5.7.8 bad credentials for \(password)"))
        return result
    }

    @Test func noFormatShowsThePasswordOrTheEnvValue() throws {
        let report = try SampleResults.report(
            [Self.leaky, SampleResults.passed],
            secrets: [Self.password, Self.envValue]
        )
        let folder = try Workspace.scratch("secrets")
        try TranscriptWriter.write(report, to: folder.appendingPathComponent("transcripts").path)
        var outputs: [String: String] = [
            "console": ConsoleReporter(style: ConsoleStyle(color: false, verbosity: .verbose)).render(report),
            "console-color": ConsoleReporter(style: ConsoleStyle(color: true, verbosity: .normal)).render(report),
        ]
        for format in ReportFormat.allCases {
            let path = folder.appendingPathComponent("report.\(format.rawValue)").path
            try write(report, to: ReportDestination(format: format, path: path))
            outputs[format.rawValue] = try String(contentsOfFile: path, encoding: .utf8)
        }
        let transcripts = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("transcripts").path
        )
        #expect(transcripts.count == 2)
        for name in transcripts {
            let path = folder.appendingPathComponent("transcripts").appendingPathComponent(name).path
            outputs["transcript \(name)"] = try String(contentsOfFile: path, encoding: .utf8)
        }
        let needles = [
            Self.password, Self.envValue, "Tr0ub4dor", "9f2c", "Tr0ub4dor&amp;3", "env-token-\\\"9f2c",
            Data(Self.password.utf8).base64EncodedString(),
        ]
        for (name, text) in outputs {
            for needle in needles {
                #expect(!text.contains(needle), "\(name) shows a secret (\(needle))")
            }
            if !name.contains("delivers_to_kate") {
                #expect(text.contains("******"), "\(name) does not show the mask")
            }
        }
        #expect(outputs["console"]?.contains("C: AUTH PLAIN ******") == true)
    }

    @Test func redactMasksEveryOccurrence() throws {
        let report = try SampleResults.report([], secrets: [Self.password, ""])
        #expect(report.redact("a \(Self.password) b \(Self.password)") == "a ****** b ******")
    }
}
