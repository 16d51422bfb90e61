import Foundation
import SMTPCore

/// Writes one plain-text transcript file per case (`--transcripts DIR`): a header (case, file, status,
/// start, duration, attempts), the whole transcript of the last attempt, and the failure report for a failure.
public enum TranscriptWriter {
    /// Writes a file per case into `directory` (created when missing) and returns the paths written, in the
    /// report's order. Files are named after the scenario file and the case (`inbound.smtp-Inbound_test.txt`);
    /// a name used twice gets `-2`, `-3`….
    ///
    /// - Throws: ``ReportWriteError`` when a file cannot be written.
    @discardableResult
    public static func write(_ report: RunReport, to directory: String) throws(ReportWriteError) -> [String] {
        var used: Set<String> = []
        var paths: [String] = []
        for reported in report.cases {
            let base = fileName(for: reported)
            var name = base
            var counter = 1
            while used.contains(name.lowercased()) {
                counter += 1
                name = "\(base)-\(counter)"
            }
            used.insert(name.lowercased())
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name + ".txt").path
            try RunReport.writeFile(report.mask.applyToRendered(text(for: reported)), to: path)
            paths.append(path)
        }
        return paths
    }

    /// The text of one case's transcript file.
    public static func text(for reported: ReportedCase) -> String {
        let result = reported.result
        var lines = [
            "case      \(result.caseName)",
            "scenario  \(result.scenarioName)",
            "file      \(result.file)",
            "status    \(result.status.rawValue)",
            "started   \(JSONReportDocument.timestamp(result.startedAt))",
            "duration  \(result.duration.shortText)",
            "attempts  \(result.attempts)",
            "",
            "transcript",
        ]
        lines += result.transcript.isEmpty ? ["  (nothing was exchanged)"] : result.transcript.map { "  \($0)" }
        if let explanation = reported.explanation {
            lines.append("")
            lines.append(explanation.plainText(status: result.status, includeTranscript: false))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A portable file name: the scenario file's name without `.yaml`, then the case name, with anything but
    /// letters, digits, `.`, `-` and `_` replaced by `_`, at most 120 characters.
    static func fileName(for reported: ReportedCase) -> String {
        var file = URL(fileURLWithPath: reported.result.file).lastPathComponent
        if file.hasSuffix(".yaml") { file.removeLast(5) }
        let raw = "\(file)-\(reported.result.caseName)"
        let safe = String(
            raw.unicodeScalars.map { scalar -> Character in
                let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                return allowed || "._-".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
            }
        )
        let trimmed = String(safe.prefix(120))
        return trimmed.hasPrefix(".") ? "_" + trimmed.dropFirst() : trimmed
    }
}
