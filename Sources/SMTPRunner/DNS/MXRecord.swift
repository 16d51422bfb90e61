/// One MX record: a mail exchanger and its preference (lower is tried first).
public struct MXRecord: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The preference; lower values are tried first.
    public var preference: Int
    /// The mail exchanger's host name, without a trailing dot.
    public var host: String

    /// Creates a record; a trailing dot on `host` is dropped.
    public init(preference: Int, host: String) {
        self.preference = preference
        self.host = host.hasSuffix(".") ? String(host.dropLast()) : host
    }

    /// `10 mx1.example.com`.
    public var description: String { "\(preference) \(host)" }
}
