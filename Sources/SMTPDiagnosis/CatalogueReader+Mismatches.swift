import SMTPRunner
import SMTPYAML

extension CatalogueReader {
    /// Reads the `mismatches:` section: one row per mismatch kind, with its meaning, reasons and hint.
    mutating func mismatches(_ node: YAMLNode?) -> [MismatchKind: MismatchInfo] {
        var result: [MismatchKind: MismatchInfo] = [:]
        let what = "a row of mismatches"
        for item in items(node, section: "mismatches") {
            guard
                let row = MappingReader(
                    item,
                    what: what,
                    allowedKeys: ["mismatch", "meaning", "reasons", "hint", "source"],
                    diagnostics: &diagnostics
                )
            else { continue }
            guard let kindNode = row.required("mismatch", what: what, diagnostics: &diagnostics),
                let keyword = kindNode.string("'mismatch'", diagnostics: &diagnostics)
            else { continue }
            guard let kind = MismatchKind(rawValue: keyword) else {
                let known = MismatchKind.allCases.map(\.keyword)
                diagnostics.append(
                    Diagnostic(
                        message: "unknown mismatch kind '\(keyword)'",
                        location: kindNode.location,
                        note: Suggestion.closest(to: keyword, among: known).map { "did you mean '\($0)'?" }
                            ?? "one of: " + known.joined(separator: ", ")
                    )
                )
                continue
            }
            let meaning = text(row, "meaning", what: what)
            let reasons = reasons(row, what: what)
            guard let meaning, let reasons else { continue }
            if result[kind] != nil { duplicate(kind.keyword, in: "mismatches", at: kindNode.location) }
            result[kind] = MismatchInfo(
                kind: kind,
                meaning: meaning,
                reasons: reasons,
                hint: optionalText(row, "hint"),
                source: optionalText(row, "source"),
                location: item.location
            )
        }
        return result
    }
}
