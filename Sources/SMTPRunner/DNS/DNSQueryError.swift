/// Why one DNS query gave no records.
enum DNSQueryError: Error, Sendable, Hashable {
    /// NXDOMAIN: the name does not exist.
    case nonexistentDomain
    /// The name exists but has no records of the type asked for.
    case noRecords
    /// No usable answer.
    case failure(String)
}
