import Foundation

extension Diagnosis {
    /// The diagnosis as plain text for a terminal (no colours): the code's meaning, the enhanced code's class,
    /// subject and detail, the entry's meaning, the possible reasons, hints, notes and the entries that matched.
    public func renderedText(showMatches: Bool = true) -> String {
        var out: [String] = []
        let label = { (name: String) in name.padding(toLength: 10, withPad: " ", startingAt: 0) }
        let indent = String(repeating: " ", count: 12)
        if let transportFailure {
            out.append("\(label("failure"))  \(transportFailure.keyword) at \(step.keyword)")
            if let failureInfo { out.append("\(indent)\(failureInfo.meaning)") }
        }
        if let code {
            out.append("\(label("reply"))  \(code)  \(codeMeaning ?? "not in the catalogue")")
            if let replyClass {
                var line = "\(indent)\(code / 100)yz \(replyClass.name)"
                if let replyCategory { line += "; x\((code / 10) % 10)z \(replyCategory.name)" }
                out.append(line)
            }
            if let codeInfo, !codeInfo.commands.isEmpty {
                var line = "\(indent)a reply to: \(codeInfo.commands.map(\.commandName).joined(separator: ", "))"
                if let source = codeInfo.source { line += " (\(source))" }
                out.append(line)
            }
        }
        if let enhanced {
            out.append("\(label("enhanced"))  \(enhanced.code)  \(enhanced.summary)")
            if let detail = enhanced.detail {
                var line = "\(indent)\(detail.name): \(detail.meaning)"
                if let source = detail.source { line += " (\(source))" }
                out.append(line)
            } else if let subject = enhanced.subject {
                out.append("\(indent)\(subject.meaning)")
            }
        }
        if step != .any { out.append("\(label("step"))  \(step.keyword) (\(step.commandName))") }
        if let entryMeaning { out.append("\(label("meaning"))  \(entryMeaning)") }
        if !reasons.isEmpty {
            out.append("possible reasons")
            out.append(contentsOf: reasons.map { "  - \($0)" })
        } else {
            out.append("possible reasons: none in the catalogue for this step and reply")
        }
        if !hints.isEmpty {
            out.append("what to check")
            out.append(contentsOf: hints.map { "  - \($0)" })
        }
        if !notes.isEmpty {
            out.append("notes")
            out.append(contentsOf: notes.map { "  - \($0)" })
        }
        if showMatches, !matches.isEmpty {
            out.append("matched entries")
            for match in matches {
                var line =
                    "  - \(match.entry.id ?? "(no id)")  \(match.entry.patternDescription)  [\(match.specificity)]"
                if let location = match.entry.location {
                    line += "  \(match.entry.origin.isTeam ? location.description : "reasons.yaml:\(location.line)")"
                }
                out.append(line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
