import Foundation
import SMTPReport
import Testing

@Suite struct TranscriptWriterTests {
    @Test func writesOnePlainFilePerCase() throws {
        let folder = try Workspace.scratch("transcripts")
        var twin = SampleResults.rcptUnknown
        twin.caseName = "kate/is unknown"
        let report = try SampleResults.report([SampleResults.passed, SampleResults.rcptUnknown, twin])
        let paths = try TranscriptWriter.write(report, to: folder.path)
        #expect(paths.count == 3)
        #expect(Set(paths).count == 3)
        let names = paths.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names[0] == "inbound.smtp-delivers_to_kate.txt")
        #expect(names.allSatisfy { !$0.contains("/") && !$0.contains(" ") })
        let failed = try String(contentsOfFile: paths[1], encoding: .utf8)
        #expect(failed.contains("status    failed"))
        #expect(failed.contains("  C: \(SampleResults.rcptLine)"))
        #expect(failed.contains("  S: 550 5.1.1 User unknown"))
        #expect(failed.contains("  C: QUIT"))
        #expect(failed.contains("FAIL inbound.smtp.yaml:18:5  rcpt TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE"))
        #expect(failed.contains("    - The specified recipient doesn't exist."))
        #expect(!failed.contains("\u{1B}"))
    }
}
