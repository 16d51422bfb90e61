/// Why a connection could not be made.
public enum ConnectionFailureReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The peer answered the connection attempt with a reset: nothing listens on that port.
    case refused
    /// No route to the host or network.
    case unreachable
    /// The host name (or the MX domain) did not resolve.
    case dnsFailure = "dns-failure"
    /// Nothing answered within the connect timeout.
    case timeout
    /// Something else the operating system reported.
    case other
}
