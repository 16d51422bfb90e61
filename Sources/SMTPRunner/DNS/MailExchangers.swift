/// The hosts to deliver to for a domain, in the order to try them (RFC 5321 §5.1), from an MX lookup.
public enum MailExchangers {
    /// Why a domain has no host to try.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The domain does not exist.
        case nonexistentDomain(String)
        /// The domain publishes a null MX (RFC 7505): it accepts no mail.
        case nullMX(String)
        /// The lookup failed.
        case lookupFailed(domain: String, reason: String)

        /// A sentence for the failure report.
        public var description: String {
            switch self {
            case .nonexistentDomain(let domain):
                return "the domain \(domain) does not exist (NXDOMAIN)"
            case .nullMX(let domain):
                return "\(domain) publishes a null MX (RFC 7505): it accepts no mail"
            case .lookupFailed(let domain, let reason):
                return "the MX lookup for \(domain) failed: \(reason)"
            }
        }
    }

    /// The MX hosts in preference order (lowest first; equal preferences keep the server's order). A domain
    /// without MX records is its own mail exchanger (the implicit MX of RFC 5321 §5.1); a null MX (a single
    /// record whose host is `.`) means no mail is accepted.
    public static func hosts(for domain: String, outcome: MXLookupOutcome) -> Result<[MXRecord], Problem> {
        switch outcome {
        case .nonexistentDomain:
            return .failure(.nonexistentDomain(domain))
        case .failure(let reason):
            return .failure(.lookupFailed(domain: domain, reason: reason))
        case .noRecords:
            return .success([MXRecord(preference: 0, host: domain)])
        case .records(let records):
            if records.isEmpty { return .success([MXRecord(preference: 0, host: domain)]) }
            if records.count == 1, records[0].host.isEmpty || records[0].host == "." {
                return .failure(.nullMX(domain))
            }
            let ordered = records.enumerated().sorted { lhs, rhs in
                (lhs.element.preference, lhs.offset) < (rhs.element.preference, rhs.offset)
            }
            return .success(ordered.map(\.element).filter { !$0.host.isEmpty && $0.host != "." })
        }
    }
}
