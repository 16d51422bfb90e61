import Foundation
import SMTPReport
import Testing

@Suite struct ReportDestinationTests {
    @Test(arguments: [
        ("junit:out.xml", ReportFormat.junit, "out.xml"),
        ("json:reports/run.json", .json, "reports/run.json"),
        ("TAP:r.tap", .tap, "r.tap"),
        ("html:C:/x.html", .html, "C:/x.html"),
    ])
    func parsesFormatAndFile(text: String, format: ReportFormat, path: String) throws {
        let destination = try ReportDestination(parsing: text)
        #expect(destination.format == format)
        #expect(destination.path == path)
    }

    @Test(arguments: ["out.xml", "xml:out.xml", "junit:", ":out.xml"])
    func rejectsWhatIsNotFormatColonFile(text: String) {
        #expect(throws: ReportDestinationError.self) { try ReportDestination(parsing: text) }
        do {
            _ = try ReportDestination(parsing: text)
        } catch {
            #expect(error.description.contains("use junit:FILE, json:FILE, tap:FILE or html:FILE"))
        }
    }

    @Test func writeCreatesMissingFolders() throws {
        let folder = try Workspace.scratch("destination")
        let path = folder.appendingPathComponent("a/b/report.tap").path
        try write(try SampleResults.report([SampleResults.passed]), to: ReportDestination(parsing: "tap:\(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("TAP version 14\n1..1\nok 1 - "))
    }

    @Test func writeReportsAPathItCannotWrite() throws {
        let folder = try Workspace.scratch("unwritable")
        let blocker = try Workspace.write("a file, not a folder", named: "blocker", in: folder)
        #expect(throws: ReportWriteError.self) {
            try write(try SampleResults.report([]), to: ReportDestination(format: .json, path: blocker + "/r.json"))
        }
    }
}
