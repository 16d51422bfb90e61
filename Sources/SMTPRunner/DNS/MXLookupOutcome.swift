/// What an MX query for a domain answered.
public enum MXLookupOutcome: Sendable, Hashable {
    /// MX records, in the order the server sent them.
    case records([MXRecord])
    /// The domain exists but has no MX records.
    case noRecords
    /// The domain does not exist (NXDOMAIN).
    case nonexistentDomain
    /// The query failed (no answer, server failure, malformed response).
    case failure(String)
}
