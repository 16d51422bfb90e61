import Foundation
import SMTPCore
import SMTPRunner
import SMTPYAML

/// Walks a reasons file's YAML tree into a ``ReasonsCatalogue``, collecting a diagnostic at the exact line and
/// column of everything wrong instead of stopping at the first.
struct CatalogueReader {
    /// The keys a reasons file may have at its top level.
    static let topLevelKeys = [
        "version", "reply-classes", "reply-categories", "reply-codes", "enhanced-classes", "enhanced-subjects",
        "enhanced-details", "transport-failures", "mismatches", "entries",
    ]

    /// Which file is being read.
    let origin: CatalogueOrigin
    /// Everything wrong so far.
    var diagnostics: [Diagnostic] = []

    /// Creates a reader for a file of `origin`.
    init(origin: CatalogueOrigin) {
        self.origin = origin
    }

    /// Reads the whole file.
    mutating func read(_ root: YAMLNode) -> ReasonsCatalogue {
        var catalogue = ReasonsCatalogue()
        guard
            let top = MappingReader(
                root,
                what: "a reasons file",
                allowedKeys: Self.topLevelKeys,
                diagnostics: &diagnostics
            )
        else { return catalogue }
        if let version = top["version"], let value = version.integer("version", diagnostics: &diagnostics),
            value != 1
        {
            diagnostics.append(
                Diagnostic(
                    message: "unsupported reasons file version \(value)",
                    location: version.location,
                    note: "use version: 1"
                )
            )
        }
        catalogue.replyClasses = terms(top["reply-classes"], section: "reply-classes", keyName: "class", range: 2...5)
        catalogue.replyCategories = terms(
            top["reply-categories"],
            section: "reply-categories",
            keyName: "digit",
            range: 0...5
        )
        catalogue.enhancedClasses = terms(
            top["enhanced-classes"],
            section: "enhanced-classes",
            keyName: "class",
            range: 2...5
        )
        catalogue.enhancedSubjects = terms(
            top["enhanced-subjects"],
            section: "enhanced-subjects",
            keyName: "subject",
            range: 0...999
        )
        catalogue.replyCodes = replyCodes(top["reply-codes"])
        catalogue.enhancedDetails = enhancedDetails(top["enhanced-details"])
        catalogue.transportFailures = transportFailures(top["transport-failures"])
        catalogue.mismatches = mismatches(top["mismatches"])
        catalogue.entries = entries(top["entries"])
        return catalogue
    }

    /// The items of a section that must be a list; an absent or empty section has none.
    mutating func items(_ node: YAMLNode?, section: String) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            diagnostics.append(
                Diagnostic(message: "'\(section)' must be a list, not \(node.kindDescription)", location: node.location)
            )
            return []
        }
        return items
    }

    /// A required, non-empty string.
    mutating func text(_ row: MappingReader, _ key: String, what: String) -> String? {
        guard let node = row.required(key, what: what, diagnostics: &diagnostics),
            let value = node.string("'\(key)'", diagnostics: &diagnostics)
        else { return nil }
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(Diagnostic(message: "'\(key)' must not be empty", location: node.location))
            return nil
        }
        return value
    }

    /// An optional string.
    mutating func optionalText(_ row: MappingReader, _ key: String) -> String? {
        guard let node = row[key], !node.isNull else { return nil }
        return node.string("'\(key)'", diagnostics: &diagnostics)
    }

    /// Reports a key given twice in one table.
    mutating func duplicate(_ key: String, in section: String, at location: SourceLocation) {
        diagnostics.append(
            Diagnostic(
                message: "\(section) already has a row for \(key)",
                location: location,
                note: "give each key once"
            )
        )
    }

    private mutating func terms(
        _ node: YAMLNode?,
        section: String,
        keyName: String,
        range: ClosedRange<Int>
    ) -> [Int: CatalogueTerm] {
        var result: [Int: CatalogueTerm] = [:]
        let what = "a row of \(section)"
        for item in items(node, section: section) {
            guard
                let row = MappingReader(
                    item,
                    what: what,
                    allowedKeys: [keyName, "name", "meaning"],
                    diagnostics: &diagnostics
                )
            else { continue }
            let keyNode = row.required(keyName, what: what, diagnostics: &diagnostics)
            let key = keyNode.flatMap { $0.integer("'\(keyName)'", in: range, diagnostics: &diagnostics) }
            let name = text(row, "name", what: what)
            let meaning = text(row, "meaning", what: what)
            guard let key, let keyNode, let name, let meaning else { continue }
            if result[key] != nil { duplicate("\(keyName) \(key)", in: section, at: keyNode.location) }
            result[key] = CatalogueTerm(key: key, name: name, meaning: meaning)
        }
        return result
    }

    private mutating func replyCodes(_ node: YAMLNode?) -> [Int: ReplyCodeInfo] {
        var result: [Int: ReplyCodeInfo] = [:]
        let what = "a row of reply-codes"
        for item in items(node, section: "reply-codes") {
            guard
                let row = MappingReader(
                    item,
                    what: what,
                    allowedKeys: ["code", "meaning", "commands", "source"],
                    diagnostics: &diagnostics
                )
            else { continue }
            let codeNode = row.required("code", what: what, diagnostics: &diagnostics)
            var code: Int?
            if let codeNode, let value = codeNode.scalar.flatMap({ ReplyCodePattern($0) }),
                case .exact(let exact) = value
            {
                code = exact
            } else if let codeNode {
                diagnostics.append(invalidCode(codeNode, exactOnly: true))
            }
            let meaning = text(row, "meaning", what: what)
            let commands = steps(row["commands"], key: "commands") ?? []
            let source = optionalText(row, "source")
            guard let code, let codeNode, let meaning else { continue }
            if result[code] != nil { duplicate("code \(code)", in: "reply-codes", at: codeNode.location) }
            result[code] = ReplyCodeInfo(code: code, meaning: meaning, commands: commands, source: source)
        }
        return result
    }

    private mutating func enhancedDetails(_ node: YAMLNode?) -> [String: EnhancedDetailInfo] {
        var result: [String: EnhancedDetailInfo] = [:]
        let what = "a row of enhanced-details"
        for item in items(node, section: "enhanced-details") {
            guard
                let row = MappingReader(
                    item,
                    what: what,
                    allowedKeys: ["code", "name", "summary", "meaning", "source"],
                    diagnostics: &diagnostics
                )
            else { continue }
            let codeNode = row.required("code", what: what, diagnostics: &diagnostics)
            var key: String?
            if let codeNode, let pattern = codeNode.scalar.flatMap({ EnhancedCodePattern($0) }), pattern.subject != nil,
                let details = pattern.details, details.count == 1
            {
                key = pattern.description
            } else if let codeNode {
                diagnostics.append(
                    Diagnostic(
                        message: "'\(codeNode.scalar ?? codeNode.kindDescription)' is not an enhanced status code",
                        location: codeNode.location,
                        note: "write class.subject.detail, such as X.1.1 (any class) or 5.6.11"
                    )
                )
            }
            let name = text(row, "name", what: what)
            let summary = text(row, "summary", what: what)
            let meaning = text(row, "meaning", what: what)
            let source = optionalText(row, "source")
            guard let key, let codeNode, let name, let summary, let meaning else { continue }
            if result[key] != nil { duplicate(key, in: "enhanced-details", at: codeNode.location) }
            result[key] = EnhancedDetailInfo(code: key, name: name, summary: summary, meaning: meaning, source: source)
        }
        return result
    }

    private mutating func transportFailures(_ node: YAMLNode?) -> [TransportFailureKind: TransportFailureInfo] {
        var result: [TransportFailureKind: TransportFailureInfo] = [:]
        let what = "a row of transport-failures"
        for item in items(node, section: "transport-failures") {
            guard
                let row = MappingReader(
                    item,
                    what: what,
                    allowedKeys: ["failure", "meaning"],
                    diagnostics: &diagnostics
                )
            else { continue }
            let failureNode = row.required("failure", what: what, diagnostics: &diagnostics)
            let failure = failureNode.flatMap { failures($0, key: "failure")?.first }
            let meaning = text(row, "meaning", what: what)
            guard let failure, let failureNode, let meaning else { continue }
            if result[failure] != nil { duplicate(failure.keyword, in: "transport-failures", at: failureNode.location) }
            result[failure] = TransportFailureInfo(failure: failure, meaning: meaning)
        }
        return result
    }
}
