/// What the reporting MTA did with a recipient (RFC 3464 §2.3.3, the `Action` field).
public enum DSNAction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Delivered to the recipient's mailbox.
    case delivered
    /// Relayed to a system that does not send DSNs.
    case relayed
    /// Delivered and then forwarded to several addresses.
    case expanded
    /// Not delivered yet; the MTA is still trying.
    case delayed
    /// Could not be delivered; the MTA has given up.
    case failed

    /// Reads an action value, ignoring ASCII case and a trailing comment; `nil` for any other value.
    public init?(parsing text: String) {
        var scanner = StructuredScanner(text)
        guard scanner.skipCFWS() else { return nil }
        let word = scanner.run { ContentType.isTokenOctet($0) }
        guard scanner.skipCFWS(), scanner.isAtEnd else { return nil }
        self.init(rawValue: ASCII.text(word).lowercased())
    }

    /// The action value.
    public var description: String { rawValue }
}
