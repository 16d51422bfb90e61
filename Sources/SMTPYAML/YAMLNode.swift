/// A YAML node with the place it was written: the tree the scenario, environment, persona and
/// reasons readers walk.
///
/// Scalars stay text; each reader decides what a scalar means, so `no` is never silently a
/// boolean and `010` never silently an octal number.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar's text, and whether it was quoted (a quoted scalar is never null).
        case scalar(String, quoted: Bool)
        /// A mapping's entries in file order.
        case mapping([YAMLEntry])
        /// A sequence's items in file order.
        case sequence([YAMLNode])
        /// An empty value: nothing, `~` or `null`.
        case null
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar's text, or `nil` for any other node.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The mapping's entries, or `nil` for any other node.
    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The sequence's items, or `nil` for any other node.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// Whether the node is empty (`~`, `null` or nothing).
    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// A word for the node's kind, for messages: "a string", "a mapping", "a list", "nothing".
    public var kindDescription: String {
        switch content {
        case .scalar: return "a string"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "nothing"
        }
    }

    /// Looks up a mapping key (exact match).
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }
}

/// One `key: value` pair of a mapping, with the key's own location.
public struct YAMLEntry: Sendable, Hashable {
    /// The key's text.
    public var key: String
    /// Where the key is written.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
