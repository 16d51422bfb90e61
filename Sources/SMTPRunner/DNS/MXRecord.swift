/// One MX record: a mail exchanger and its preference (lower is tried first).
public struct MXRecord: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The preference; lower values are tried first.
    public var preference: Int
    /// The mail exchanger's host name, without a trailing dot.
    public var host: String
    /// Whether this is no published record but the implicit MX of RFC 5321 §5.1: the domain has no MX records,
    /// so the domain itself, through its A and AAAA records, is the host to deliver to.
    public var isImplicit: Bool

    private enum CodingKeys: String, CodingKey {
        case preference, host
    }

    /// Creates a record; a trailing dot on `host` is dropped.
    public init(preference: Int, host: String) {
        self.preference = preference
        self.host = host.hasSuffix(".") ? String(host.dropLast()) : host
        self.isImplicit = false
    }

    /// The implicit MX of a domain that has no MX records (RFC 5321 §5.1): the domain itself, preference 0.
    public static func implicit(for domain: String) -> MXRecord {
        var record = MXRecord(preference: 0, host: domain)
        record.isImplicit = true
        return record
    }

    /// Reads a published record (the implicit flag is not stored).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            preference: try container.decode(Int.self, forKey: .preference),
            host: try container.decode(String.self, forKey: .host)
        )
    }

    /// `10 mx1.example.com`, or for the implicit MX `example.com (no MX records: implicit MX, the domain's own
    /// A/AAAA records, RFC 5321 §5.1)`.
    public var description: String {
        if isImplicit {
            return "\(host) (no MX records: implicit MX, the domain's own A/AAAA records, RFC 5321 §5.1)"
        }
        return "\(preference) \(host)"
    }
}
