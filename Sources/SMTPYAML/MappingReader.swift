/// Reads a YAML mapping whose keys are fixed by a schema: reports every unknown key (with
/// "did you mean …?") and gives typed access to the known ones.
public struct MappingReader: Sendable {
    /// The mapping node being read.
    public let node: YAMLNode
    /// The mapping's entries keyed by name (a mapping cannot repeat a key: libyaml refuses it).
    public let values: [String: YAMLEntry]

    /// Starts reading `node` as a mapping of `allowedKeys`.
    ///
    /// - Parameters:
    ///   - what: what the mapping is, for messages ("a step", "the scenario").
    ///   - diagnostics: receives an error when `node` is not a mapping, and one per unknown key.
    /// - Returns: `nil` when `node` is not a mapping.
    public init?(
        _ node: YAMLNode,
        what: String,
        allowedKeys: [String],
        diagnostics: inout [Diagnostic]
    ) {
        guard let entries = node.entries else {
            diagnostics.append(
                Diagnostic(
                    message: "\(what) must be a mapping, not \(node.kindDescription)",
                    location: node.location,
                    note: "expected keys: \(allowedKeys.joined(separator: ", "))"
                )
            )
            return nil
        }
        self.node = node
        var values: [String: YAMLEntry] = [:]
        for entry in entries {
            values[entry.key] = entry
            if !allowedKeys.contains(entry.key) {
                diagnostics.append(Self.unknownKey(entry, what: what, allowedKeys: allowedKeys))
            }
        }
        self.values = values
    }

    /// The diagnostic for a key that `allowedKeys` does not name.
    public static func unknownKey(_ entry: YAMLEntry, what: String, allowedKeys: [String]) -> Diagnostic {
        let note: String
        if let guess = Suggestion.closest(to: entry.key, among: allowedKeys) {
            note = "did you mean '\(guess)'?"
        } else {
            note = "known keys: \(allowedKeys.joined(separator: ", "))"
        }
        return Diagnostic(
            message: "unknown key '\(entry.key)' in \(what)",
            location: entry.keyLocation,
            note: note,
            span: entry.key.count
        )
    }

    /// The value of `key`, or `nil` when absent.
    public subscript(key: String) -> YAMLNode? { values[key]?.value }

    /// The entry of `key` (with the key's location), or `nil` when absent.
    public func entry(_ key: String) -> YAMLEntry? { values[key] }

    /// The value of a key that must be present; reports an error at the mapping when missing.
    public func required(_ key: String, what: String, diagnostics: inout [Diagnostic]) -> YAMLNode? {
        if let value = values[key]?.value { return value }
        diagnostics.append(
            Diagnostic(message: "\(what) is missing the required key '\(key)'", location: node.location)
        )
        return nil
    }
}
