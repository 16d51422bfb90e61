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

    /// Builds the context, or takes it from `cache` when a session of the run already built the same one: full
    /// verification against the system's roots by default, `caFile` instead of them, `serverName` for SNI and the
    /// name check, or no verification at all.
    ///
    /// - Parameters:
    ///   - host: the host name the connection was made to (the name in the file, or the MX host).
    ///   - additionalTrustRoots: certificates trusted besides the roots (`RunnerOptions.additionalTrustRoots`).
    ///   - cache: the run's contexts (`RunnerOptions.tlsContexts`); a fresh cache builds a new context.
    init(
        plan: TLSPlan,
        host: String,
        additionalTrustRoots: [NIOSSLCertificate] = [],
        cache: TLSContextCache = TLSContextCache()
    ) throws(TransportError) {
        let key = TLSContextCache.Key(
            verify: plan.verify,
            caFile: plan.caFile,
            additionalTrustRoots: additionalTrustRoots
        )
        context = try cache.context(for: key, make: Self.makeContext)
        let name = plan.serverName ?? host
        serverHostname = Self.isAddressLiteral(name) ? nil : name
        verify = plan.verify
    }

    /// A new client context for a configuration.
    static func makeContext(_ key: TLSContextCache.Key) throws(TransportError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = key.verify ? .fullVerification : .none
        if !key.additionalTrustRoots.isEmpty {
            configuration.additionalTrustRoots = [.certificates(key.additionalTrustRoots)]
        }
        if let caFile = key.caFile {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                throw .local("cannot read the CA file '\(caFile)': \(error)")
            }
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .local("cannot set up TLS: \(error)")
        }
    }

    /// Whether `host` is an IPv4 or IPv6 address literal (SNI cannot carry those).
    static func isAddressLiteral(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in !part.isEmpty && part.allSatisfy(\.isNumber) }
    }

    /// With verification on and a host name to verify: why the certificate does not carry that name, or `nil`.
    ///
    /// NIOSSL accepts a certificate whose SANs name either the host name or the address connected to; a test
    /// that says `server-name: mail.example.com` means that name, so the runner checks it on its own as well.
    func nameProblem(with facts: TLSFacts) -> TLSFactMismatch? {
        guard verify, let name = serverHostname?.lowercased() else { return nil }
        let dnsNames = facts.subjectAlternativeNames.filter { !$0.contains(":") && !Self.isAddressLiteral($0) }
        if dnsNames.contains(where: { Self.matches(pattern: $0.lowercased(), name: name) }) { return nil }
        let shown = dnsNames.isEmpty ? "no DNS names" : dnsNames.joined(separator: ", ")
        return TLSFactMismatch(fact: .name, expected: name, observed: shown)
    }

    /// RFC 6125 matching: exact, or a `*.` wildcard standing for exactly one left-most label.
    static func matches(pattern: String, name: String) -> Bool {
        let pattern = pattern.hasSuffix(".") ? String(pattern.dropLast()) : pattern
        let name = name.hasSuffix(".") ? String(name.dropLast()) : name
        if pattern == name { return true }
        guard pattern.hasPrefix("*."), let dot = name.firstIndex(of: ".") else { return false }
        return name[name.index(after: dot)...] == pattern.dropFirst(2) && dot != name.startIndex
    }
}
