import Foundation
import SMTPCore
import SMTPReport
import SMTPRunner
import Testing

/// A run's spool writes each report as the report held in memory renders it, whichever formats are asked for:
/// JUnit alone takes its cases from the pieces rendered as they ended, with no JSON text kept or decoded.
@Suite struct ReportSpoolTests {
    static let secrets = [SecretRedactionTests.password, SecretRedactionTests.envValue]

    static func report() throws -> RunReport {
        try SampleResults.report(
            [
                SampleResults.seedSession(rcptReply: Reply(250, "2.1.5 Recipient OK"), passed: true),
                SampleResults.seedSession(rcptReply: Reply(550, "5.1.1 User unknown"), passed: false),
                SecretRedactionTests.leaky,
            ],
            secrets: secrets
        )
    }

    /// The files a spool writes for `formats`, its cases added in reverse order (as parallel cases may finish).
    static func spooled(_ report: RunReport, formats: [ReportFormat]) throws -> [ReportFormat: String] {
        let folder = try Workspace.scratch("spool-\(formats.map(\.rawValue).joined(separator: "-"))")
        let destinations = formats.map {
            ReportDestination(format: $0, path: folder.appendingPathComponent($0.rawValue).path)
        }
        let spool = try ReportSpool(destinations: destinations, transcripts: nil, identity: nil, secrets: secrets)
        for (ordinal, reported) in report.cases.enumerated().reversed() { try spool.add(reported, ordinal: ordinal) }
        try spool.finish(startedAt: report.startedAt, duration: report.duration, skipped: 0)
        var files: [ReportFormat: String] = [:]
        for destination in destinations {
            files[destination.format] = try String(contentsOfFile: destination.path, encoding: .utf8)
        }
        return files
    }

    @Test func junitAloneIsWrittenFromThePiecesAsTheReportInMemoryRendersIt() throws {
        let report = try Self.report()
        let junit = try #require(try Self.spooled(report, formats: [.junit])[.junit])
        #expect(junit == JUnitReporter.render(report))
        #expect(junit.contains("<failure message="))
        for secret in Self.secrets {
            let escaped = secret.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<",
                with: "&lt;"
            )
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(!junit.contains(secret) && !junit.contains(escaped))
        }
    }

    @Test func everyFormatTogetherIsWrittenAsTheReportInMemoryRendersIt() throws {
        let report = try Self.report()
        let files = try Self.spooled(report, formats: [.json, .junit, .tap, .html])
        #expect(files[.junit] == JUnitReporter.render(report))
        #expect(files[.json] == JSONReporter.render(report))
        #expect(files[.tap] == TAPReporter.render(report))
        #expect(files[.html] == HTMLReporter.render(report))
    }
}
