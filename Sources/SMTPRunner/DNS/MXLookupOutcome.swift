/// What an MX query for a domain answered.
public enum MXLookupOutcome: Sendable, Hashable {
    /// MX records, in the order the server sent them.
    case records([MXRecord])
    /// The domain exists but has no MX records: mail goes to the domain's own address records (the implicit MX
    /// of RFC 5321 §5.1).
    case noRecords
    /// The domain does not exist (NXDOMAIN).
    case nonexistentDomain
    /// The query failed: the server refused it, failed, sent no answer in time, or sent one that could not be
    /// read. Never ``DNSQueryError/noRecords`` or ``DNSQueryError/nonexistentDomain``, which have their own cases.
    case failure(DNSQueryError)

    /// The outcome of a query that gave no MX records.
    public init(_ error: DNSQueryError) {
        switch error {
        case .noRecords: self = .noRecords
        case .nonexistentDomain: self = .nonexistentDomain
        default: self = .failure(error)
        }
    }
}
