import Yams

/// Parses YAML text with libyaml (through `Yams.compose`) into a ``YAMLNode`` tree that keeps
/// every node's line and column.
public enum YAMLDocument {
    /// Parses the first document of a file.
    ///
    /// Before anything builds a tree, a pass over libyaml's events refuses what could expand a small file into a
    /// huge tree (aliases, merge keys) and holds the file to `limits`: its size, nesting depth and node count.
    ///
    /// - Returns: the root node, or `nil` for an empty file.
    /// - Throws: a ``Diagnostic`` at the place libyaml stopped (a syntax error, a duplicate key), or at the first
    ///   alias, merge key, node nested too deep, node past the count or byte past the size.
    public static func parse(_ source: SourceFile, limits: InputLimits = .standard) throws(Diagnostic) -> YAMLNode? {
        if source.text.utf8.count > limits.fileSize {
            throw SourceFile.oversize(path: source.path, bytes: source.text.utf8, limit: limits.fileSize)
        }
        if let problem = YAMLEventScan.firstProblem(in: source, limits: limits) {
            throw problem
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: source.text, .basic)
        } catch let error as YamlError {
            throw diagnostic(for: error, in: source)
        } catch {
            throw Diagnostic(message: "cannot parse YAML: \(error)", location: source.location(line: 1, column: 1))
        }
        guard let root else { return nil }
        return try convert(root, in: source)
    }

    private static func convert(_ node: Node, in source: SourceFile) throws(Diagnostic) -> YAMLNode {
        let location =
            node.mark.map { source.location(line: $0.line, column: $0.column) }
            ?? source.location(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any,
                ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            {
                return YAMLNode(.null, at: location)
            }
            return YAMLNode(
                .scalar(scalar.string, quoted: scalar.style != .plain && scalar.style != .any),
                at: location
            )
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyNode = try convert(key, in: source)
                guard let text = keyNode.scalar else {
                    throw Diagnostic(
                        message: "a key must be a plain string, not \(keyNode.kindDescription)",
                        location: keyNode.location
                    )
                }
                entries.append(
                    YAMLEntry(key: text, keyLocation: keyNode.location, value: try convert(value, in: source))
                )
            }
            return YAMLNode(.mapping(entries), at: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, in: source))
            }
            return YAMLNode(.sequence(items), at: location)
        case .alias:
            // Unreachable: the event scan refuses aliases, and composing replaces each with its node.
            throw Diagnostic(
                message: "YAML aliases are not supported here",
                location: location,
                note: "write the value out, or use a variable"
            )
        }
    }

    private static func diagnostic(for error: YamlError, in source: SourceFile) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            return Diagnostic(message: message, location: source.location(line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let first = context.mark
            let second = DuplicateKeyFinder.secondOccurrence(of: key, after: (first.line, first.column), in: source)
            return Diagnostic(
                message: "duplicate key '\(key)'",
                location: source.location(line: second?.line ?? first.line, column: second?.column ?? first.column),
                note: second == nil
                    ? "a mapping may name each key once"
                    : "'\(key)' is already given at line \(first.line); a mapping may name each key once",
                span: key.count
            )
        case .reader(let problem, _, _, _):
            return Diagnostic(message: "cannot read YAML: \(problem)", location: source.location(line: 1, column: 1))
        default:
            return Diagnostic(message: "invalid YAML: \(error)", location: source.location(line: 1, column: 1))
        }
    }
}
