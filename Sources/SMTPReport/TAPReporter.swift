import SMTPCore
import SMTPDiagnosis
import SMTPRunner

/// Renders a run as TAP version 14: one test point per case (and per file that did not compile). A failure's
/// test point carries a YAML diagnostic block with the failure report: where, the step, expected, got,
/// meaning, possible reasons, what to check and the transcript up to the failure.
public enum TAPReporter {
    /// The TAP document for `report`.
    public static func render(_ report: RunReport) -> String {
        report.rendered(as: .tap)
    }

    /// Writes the stream a case at a time; the plan (`1..N`) comes first, from the context's counts.
    struct Writer: ReportWriter {
        private var number = 0

        mutating func begin(_ context: ReportContext) -> String {
            var lines = ["TAP version 14", "1..\(context.invalidFiles.count + context.summary.total)"]
            if let shard = context.shardLabel { lines.append("# \(shard) of the suite") }
            for file in context.invalidFiles {
                number += 1
                lines.append("not ok \(number) - \(description(file.path + ": does not compile"))")
                lines += yamlBlock([
                    ("message", .text(file.diagnostics.first.map(\.description) ?? "the file did not compile")),
                    ("severity", .text("error")),
                    ("diagnostics", .list(file.diagnostics.map(\.description))),
                ])
            }
            return lines.map { $0 + "\n" }.joined()
        }

        mutating func write(_ record: JSONCaseRecord, _ context: ReportContext) -> String {
            number += 1
            let name = description("\(record.file): \(record.name)")
            guard record.caseStatus != .passed else { return "ok \(number) - \(name)\n" }
            var lines = ["not ok \(number) - \(name)"]
            if let failure = record.failure {
                lines += yamlBlock(fields(of: failure, status: record.status, milliseconds: record.durationMs))
            } else {
                lines += yamlBlock([("message", .text("\(record.status) with no failing step recorded"))])
            }
            return lines.map { $0 + "\n" }.joined()
        }

        mutating func end(_ context: ReportContext) -> String {
            "# \(ConsoleReporter().summaryLine(context.summary))\n"
        }
    }

    enum YAMLValue {
        case text(String)
        case number(Int)
        case list([String])
        /// Lines kept as they are, written as a literal block scalar (`|`).
        case block([String])
        case mapping([(String, YAMLValue)])
    }

    private static func fields(
        of failure: JSONFailureRecord,
        status: String,
        milliseconds: Double
    ) -> [(String, YAMLValue)] {
        var fields: [(String, YAMLValue)] = [
            ("message", .text(failure.summary)),
            ("severity", .text(failure.error ? "error" : "fail")),
            (
                "at",
                .mapping([
                    ("file", .text(failure.location.file)), ("line", .number(failure.location.line)),
                    ("column", .number(failure.location.column)),
                ])
            ),
            ("step", .text(failure.stepText)),
        ]
        if let sent = failure.sent { fields.append(("sent", .text(sent))) }
        fields += [
            ("expected", .text(failure.expected)),
            ("got", .list(failure.got)),
            ("mismatches", .list(failure.mismatches.map { "\($0.kind): \($0.summary)" })),
            ("meaning", .text(failure.meaning)),
            ("reasons", .list(failure.reasons)),
        ]
        if !failure.hints.isEmpty { fields.append(("hints", .list(failure.hints))) }
        fields += [
            ("kind", .text(failure.kind)),
            ("status", .text(status)),
            ("duration_ms", .number(Int(milliseconds.rounded()))),
            ("transcript", .block(failure.transcript.map(\.line))),
        ]
        return fields
    }

    private static func yamlBlock(_ fields: [(String, YAMLValue)]) -> [String] {
        ["  ---"] + yamlLines(fields, indent: "  ") + ["  ..."]
    }

    private static func yamlLines(_ fields: [(String, YAMLValue)], indent: String) -> [String] {
        fields.flatMap { key, value -> [String] in
            switch value {
            case .text(let text): return ["\(indent)\(key): \(JSONText.quoted(text))"]
            case .number(let number): return ["\(indent)\(key): \(number)"]
            case .list(let items):
                if items.isEmpty { return ["\(indent)\(key): []"] }
                return ["\(indent)\(key):"] + items.map { "\(indent)  - \(listItem($0))" }
            case .block(let lines):
                if lines.isEmpty { return ["\(indent)\(key): []"] }
                return ["\(indent)\(key): |"] + lines.map { "\(indent)  \(printable($0))" }
            case .mapping(let pairs):
                return ["\(indent)\(key):"] + yamlLines(pairs, indent: indent + "  ")
            }
        }
    }

    /// A list item, double-quoted. Perl's TAP::Parser::YAMLish reads an item whose first word ends in a colon
    /// (`"S: 220 …"`) as a mapping and fails, so such an item has its colons written as the YAML escape `\x3A`.
    private static func listItem(_ text: String) -> String {
        let quoted = JSONText.quoted(text)
        let firstWord = quoted.prefix { $0 != " " && $0 != "\t" }
        let afterWord = quoted.dropFirst(firstWord.count).drop { $0 == " " || $0 == "\t" }
        guard firstWord.contains(":") || afterWord.hasPrefix(":") else { return quoted }
        return quoted.replacingOccurrences(of: ":", with: "\\x3A")
    }

    /// A line for a block scalar: control characters (which a block scalar cannot hold) become U+FFFD.
    private static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 })
        )
    }

    /// A test point's description: one line, `#` and `\` escaped as TAP 14 asks.
    private static func description(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
