import Foundation
import SMTPCore
import SMTPYAML

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
        var files = Files(directory: directory)
        for (index, reported) in report.cases.enumerated() {
            try files.write(JSONCaseRecord(reported, index: index), mask: report.mask)
        }
        return files.paths
    }

    /// Writes the transcript files of a report's cases, one at a time, in report order.
    struct Files {
        let directory: String
        private var used: Set<String> = []
        /// The last suffix given to each name, so that many cases of one name are numbered in one step each.
        private var lastSuffix: [String: Int] = [:]
        private(set) var paths: [String] = []

        init(directory: String) {
            self.directory = directory
        }

        mutating func write(_ record: JSONCaseRecord, mask: SecretMask) throws(ReportWriteError) {
            let base = fileName(file: record.file, caseName: record.name)
            var name = base
            var counter = lastSuffix[base.lowercased(), default: 1]
            while used.contains(name.lowercased()) {
                counter += 1
                name = "\(base)-\(counter)"
            }
            lastSuffix[base.lowercased()] = counter
            used.insert(name.lowercased())
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name + ".txt").path
            try RunReport.writeFile(mask.applyToRendered(text(for: record)), to: path)
            paths.append(path)
        }
    }

    /// The text of one case's transcript file.
    public static func text(for reported: ReportedCase) -> String {
        text(for: JSONCaseRecord(reported, index: 0))
    }

    static func text(for record: JSONCaseRecord) -> String {
        var lines = [
            "case      \(record.name)",
            "scenario  \(record.scenario)",
            "file      \(record.file)",
            "status    \(record.status)",
            "started   \(record.startedAt)",
            "duration  \(JSONReportDocument.duration(milliseconds: record.durationMs).shortText)",
            "attempts  \(record.attempts)",
            "",
            "transcript",
        ]
        lines += record.transcript.isEmpty ? ["  (nothing was exchanged)"] : record.transcript.map { "  \($0.line)" }
        if let failure = record.failure {
            lines.append("")
            lines.append(failure.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A portable file name: the scenario file's name without `.yaml`, then the case name, with anything but
    /// letters, digits, `.`, `-` and `_` replaced by `_`, at most 120 characters.
    static func fileName(file path: String, caseName: String) -> String {
        var file = URL(fileURLWithPath: path).lastPathComponent
        if file.hasSuffix(".yaml") { file.removeLast(5) }
        let raw = "\(file)-\(caseName)"
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
