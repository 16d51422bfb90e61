/// A header section (RFC 5322 §2.2): every field in the order written, repeated fields (such as `Received`)
/// included.
public struct HeaderSection: Sendable, Hashable {
    /// The fields in order.
    public let fields: [HeaderField]

    /// Creates a section from fields.
    public init(fields: [HeaderField]) {
        self.fields = fields
    }

    /// Every field named `name` (ignoring case), in order.
    public func fields(named name: String) -> [HeaderField] {
        fields.filter { $0.isNamed(name) }
    }

    /// The values of every field named `name` (ignoring case), in order.
    public func values(named name: String) -> [String] {
        fields(named: name).map(\.value)
    }

    /// The value of the first field named `name` (ignoring case), or `nil` when there is none.
    public subscript(name: String) -> String? {
        fields.first { $0.isNamed(name) }?.value
    }

    /// Whether a field named `name` (ignoring case) is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.isNamed(name) }
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Whether the section has no field.
    public var isEmpty: Bool { fields.isEmpty }

    /// The top-level message identifier: the first `Message-ID` field's msg-id (RFC 5322 §3.6.4), or `nil` when
    /// there is no such field or it holds no valid msg-id.
    public var messageID: MessageID? {
        self["Message-ID"].flatMap { MessageID(parsing: $0) }
    }
}
