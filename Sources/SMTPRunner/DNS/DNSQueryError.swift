/// Why one DNS query gave no records: what the DNS server answered (its response code), or that no answer came.
///
/// Each case is read from the response itself or from the resolver's result, never from a message text, so a
/// REFUSED answer is told apart from SERVFAIL, from a timeout, from NXDOMAIN and from an empty answer.
public enum DNSQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// NXDOMAIN (response code 3): the name does not exist.
    case nonexistentDomain
    /// NOERROR with no record of the type asked for (NODATA): the name exists, the records do not.
    case noRecords
    /// SERVFAIL (response code 2): the DNS server could not resolve the name (for example the domain's own name
    /// servers did not answer it, or DNSSEC validation failed).
    case serverFailure
    /// REFUSED (response code 5): the DNS server declined to answer this client or this name.
    case refused
    /// NOTIMP (response code 4): the DNS server does not implement this kind of query.
    case notImplemented
    /// FORMERR (response code 1): the DNS server could not read the query.
    case formatError
    /// Another response code, such as YXDOMAIN (6).
    case responseCode(Int)
    /// NOERROR with no answer from a server that neither answers for the name nor resolves it (a referral):
    /// an authoritative-only server asked about a name outside its zones.
    case referral
    /// No answer came from any DNS server within the time limit, after every retry.
    case timeout
    /// No DNS server could be reached: the request was refused on the network (nothing listens there), or no
    /// server is configured.
    case noServerReachable
    /// An answer came but could not be parsed.
    case malformedResponse
    /// The query could not be made at all (the resolver did not start, the server address is not usable).
    case resolverUnavailable(String)

    /// The error for a DNS response code, or `nil` for NOERROR (0), which is not an error.
    public init?(responseCode: Int) {
        switch responseCode {
        case 0: return nil
        case 1: self = .formatError
        case 2: self = .serverFailure
        case 3: self = .nonexistentDomain
        case 4: self = .notImplemented
        case 5: self = .refused
        default: self = .responseCode(responseCode)
        }
    }

    /// What happened, for a failure report: `the DNS server refused the query (REFUSED)`.
    public var description: String {
        switch self {
        case .nonexistentDomain:
            return "the name does not exist (NXDOMAIN)"
        case .noRecords:
            return "the name exists but has no records of that type (NOERROR, empty answer)"
        case .serverFailure:
            return "the DNS server failed to resolve the name (SERVFAIL)"
        case .refused:
            return "the DNS server refused the query (REFUSED)"
        case .notImplemented:
            return "the DNS server does not implement this query (NOTIMP)"
        case .formatError:
            return "the DNS server could not read the query (FORMERR)"
        case .responseCode(let code):
            return "the DNS server answered with response code \(code)"
        case .referral:
            return "the DNS server sent a referral instead of an answer (it does not resolve names outside its zones)"
        case .timeout:
            return "no answer from the DNS server before the time limit (timeout)"
        case .noServerReachable:
            return "no DNS server could be reached (nothing answered at its address)"
        case .malformedResponse:
            return "the DNS server's answer could not be parsed"
        case .resolverUnavailable(let reason):
            return "the DNS query could not be made: \(reason)"
        }
    }
}
