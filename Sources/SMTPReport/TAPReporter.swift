import SMTPCore
import SMTPDiagnosis

/// Renders a run as TAP version 14: one test point per case (and per file that did not compile). A failure's
/// test point carries a YAML diagnostic block with the failure report: where, the step, expected, got,
/// meaning, possible reasons, what to check and the transcript up to the failure.
public enum TAPReporter {
    /// The TAP document for `report`.
    public static func render(_ report: RunReport) -> String {
        var lines = ["TAP version 14", "1..\(report.invalidFiles.count + report.cases.count)"]
        var number = 0
        for file in report.invalidFiles {
            number += 1
            lines.append("not ok \(number) - \(description(file.path + ": does not compile"))")
            lines += yamlBlock([
                ("message", .text(file.diagnostics.first.map(\.description) ?? "the file did not compile")),
                ("severity", .text("error")),
                ("diagnostics", .list(file.diagnostics.map(\.description))),
            ])
        }
        for reported in report.cases {
            number += 1
            let result = reported.result
            let name = description("\(result.file): \(result.caseName)")
            guard result.status != .passed else {
                lines.append("ok \(number) - \(name)")
                continue
            }
            lines.append("not ok \(number) - \(name)")
            guard let explanation = reported.explanation else {
                lines += yamlBlock([("message", .text("\(result.status.rawValue) with no failing step recorded"))])
                continue
            }
            lines += yamlBlock(fields(of: explanation, status: result.status.rawValue, duration: result.duration))
        }
        lines.append("# \(ConsoleReporter().summaryLine(report.summary))")
        return report.mask.applyToRendered(lines.joined(separator: "\n") + "\n")
    }

    /// A value in a YAML diagnostic block.
    enum YAMLValue {
        case text(String)
        case number(Int)
        case list([String])
        /// Lines kept as they are, written as a literal block scalar (`|`).
        case block([String])
        case mapping([(String, YAMLValue)])
    }

    private static func fields(
        of explanation: FailureExplanation,
        status: String,
        duration: Duration
    ) -> [(String, YAMLValue)] {
        var fields: [(String, YAMLValue)] = [
            ("message", .text(explanation.summary)),
            ("severity", .text(explanation.isError ? "error" : "fail")),
            (
                "at",
                .mapping([
                    ("file", .text(explanation.location.file)), ("line", .number(explanation.location.line)),
                    ("column", .number(explanation.location.column)),
                ])
            ),
            ("step", .text(explanation.stepText)),
        ]
        if let sent = explanation.sent { fields.append(("sent", .text(sent))) }
        fields += [
            ("expected", .text(explanation.expected)),
            ("got", .list(explanation.got)),
            ("mismatches", .list(explanation.mismatches.map { "\($0.kind.keyword): \($0.summary)" })),
            ("meaning", .text(explanation.meaning)),
            ("reasons", .list(explanation.reasons)),
        ]
        if !explanation.hints.isEmpty { fields.append(("hints", .list(explanation.hints))) }
        fields += [
            ("kind", .text(explanation.failure.kind.name)),
            ("status", .text(status)),
            ("duration_ms", .number(Int(duration.milliseconds.rounded()))),
            ("transcript", .block(explanation.transcript.map(\.description))),
        ]
        return fields
    }

    /// The lines of a YAML block, indented two spaces, between `---` and `...`; every string double-quoted.
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
