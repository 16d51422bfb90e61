import Foundation
import Testing

/// The transcript shows the bytes that went on the wire: a message after DATA is dot-stuffed (RFC 5321
/// §4.5.2), a BDAT chunk is not (RFC 3030), and the transcript must not say otherwise.
@Suite("Transcripts show what was sent")
struct TranscriptWireTests {
    static let scenario = """
        name: dots
        steps:
          - open: mail1.fabrikam.com:25
          - ehlo: contoso.com
          - mail-from: chris@contoso.com
          - rcpt: kate@fabrikam.com
          - VERB: "Subject: dots\\r\\n\\r\\n.line with dot\\r\\nplain line\\r\\n.\\u0301 accented dot\\r\\n"
          - quit
        """

    func run(_ verb: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtpspec-dots-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dots.smtp.yaml")
        try Self.scenario.replacingOccurrences(of: "VERB", with: verb).write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        let outcome = try CLITests.smtpspec(["run", file.path, "--mock", "exchange", "--verbose", "--no-color"])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        return outcome.output
    }

    @Test("after DATA a line starting with a dot is shown dot-stuffed, as sent")
    func dataIsDotStuffed() throws {
        let output = try run("data")
        #expect(output.contains("C: ..line with dot"), "\(output)")
        #expect(output.contains("C: plain line"))
        // Stuffed by its first octet, as the wire has it, though a combining mark makes the dot part of a character.
        #expect(output.contains("C: ..\u{301} accented dot"), "\(output)")
    }

    @Test("a BDAT chunk is shown as sent, without dot-stuffing")
    func bdatIsNotDotStuffed() throws {
        let output = try run("bdat")
        #expect(output.contains("C: BDAT 63 LAST"), "\(output)")
        #expect(output.contains("C: .line with dot"), "\(output)")
        #expect(!output.contains("C: ..line with dot"), "\(output)")
    }
}
