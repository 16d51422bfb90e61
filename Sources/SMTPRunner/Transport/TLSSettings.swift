import NIOSSL
import SMTPScenario

/// A scenario's TLS settings turned into what NIOSSL needs: a client context and the name for SNI and
/// host name verification.
struct TLSSettings: Sendable {
    /// The NIOSSL client context.
    let context: NIOSSLContext
    /// The name sent in SNI and verified against; `nil` for an address literal (then the address is verified).
    let serverHostname: String?
    /// Whether the chain and name are verified.
    let verify: Bool

    /// Builds the context: full verification against the system's roots by default, `caFile` instead of them,
    /// `serverName` for SNI and the name check, or no verification at all.
    ///
    /// - Parameter host: the host name the connection was made to (the name in the file, or the MX host).
    init(plan: TLSPlan, host: String) throws(TransportError) {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = plan.verify ? .fullVerification : .none
        if let caFile = plan.caFile {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw .local("cannot read the CA file '\(caFile)': \(error)")
            }
        }
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .local("cannot set up TLS: \(error)")
        }
        let name = plan.serverName ?? host
        serverHostname = Self.isAddressLiteral(name) ? nil : name
        verify = plan.verify
    }

    /// Whether `host` is an IPv4 or IPv6 address literal (SNI cannot carry those).
    static func isAddressLiteral(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in !part.isEmpty && part.allSatisfy(\.isNumber) }
    }
}
