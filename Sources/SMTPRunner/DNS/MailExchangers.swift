/// The hosts to deliver to for a domain, in the order to try them (RFC 5321 §5.1), from an MX lookup.
public enum MailExchangers {
    /// Why a domain or a host has no address to try.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The MX query of the domain failed (NXDOMAIN, REFUSED, SERVFAIL, a timeout ...).
        case mxLookupFailed(domain: String, DNSQueryError)
        /// The domain publishes a null MX (RFC 7505): it accepts no mail.
        case nullMX(String)
        /// The address queries (A, then AAAA) of a host found no address.
        case addressLookupFailed(host: String, DNSQueryError)
        /// The domain has no MX records, and the fallback to its own address records (the implicit MX of RFC 5321
        /// §5.1) found no address.
        case implicitMXLookupFailed(domain: String, DNSQueryError)

        /// A sentence for the failure report that says which lookup failed and what the DNS server answered.
        public var description: String {
            switch self {
            case .mxLookupFailed(let domain, .nonexistentDomain):
                return "the domain \(domain) does not exist (NXDOMAIN to its MX query)"
            case .mxLookupFailed(let domain, let error):
                return "the MX lookup for \(domain) failed: \(error)"
            case .nullMX(let domain):
                return "\(domain) publishes a null MX (RFC 7505): it accepts no mail"
            case .addressLookupFailed(let host, .nonexistentDomain):
                return "the host \(host) does not exist (NXDOMAIN to its A/AAAA query)"
            case .addressLookupFailed(let host, .noRecords):
                return "the host \(host) has no A or AAAA records"
            case .addressLookupFailed(let host, let error):
                return "the address lookup (A/AAAA) for \(host) failed: \(error)"
            case .implicitMXLookupFailed(let domain, .noRecords):
                return "\(domain) has no MX records, and no A or AAAA records for the implicit-MX fallback "
                    + "(RFC 5321 §5.1) either"
            case .implicitMXLookupFailed(let domain, let error):
                return "\(domain) has no MX records, and the implicit-MX fallback to its own A/AAAA records "
                    + "(RFC 5321 §5.1) failed: \(error)"
            }
        }
    }

    /// The MX hosts in preference order (lowest first; equal preferences keep the server's order). A domain
    /// without MX records is its own mail exchanger (the implicit MX of RFC 5321 §5.1, marked
    /// ``MXRecord/isImplicit``); a null MX (a single record whose host is `.`) means no mail is accepted.
    public static func hosts(for domain: String, outcome: MXLookupOutcome) -> Result<[MXRecord], Problem> {
        switch outcome {
        case .nonexistentDomain:
            return .failure(.mxLookupFailed(domain: domain, .nonexistentDomain))
        case .failure(let error):
            return .failure(.mxLookupFailed(domain: domain, error))
        case .noRecords:
            return .success([MXRecord.implicit(for: domain)])
        case .records(let records):
            if records.isEmpty { return .success([MXRecord.implicit(for: domain)]) }
            if records.count == 1, records[0].host.isEmpty || records[0].host == "." {
                return .failure(.nullMX(domain))
            }
            let ordered = records.enumerated().sorted { lhs, rhs in
                (lhs.element.preference, lhs.offset) < (rhs.element.preference, rhs.offset)
            }
            return .success(ordered.map(\.element).filter { !$0.host.isEmpty && $0.host != "." })
        }
    }

    /// The problem when the address lookup of a mail exchanger finds nothing: worded as the implicit-MX fallback
    /// when the exchanger is the domain itself because it has no MX records.
    public static func addressProblem(for exchanger: MXRecord, _ error: DNSQueryError) -> Problem {
        exchanger.isImplicit
            ? .implicitMXLookupFailed(domain: exchanger.host, error)
            : .addressLookupFailed(host: exchanger.host, error)
    }
}
