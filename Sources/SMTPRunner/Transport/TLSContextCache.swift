import NIOSSL
import Synchronization

/// The NIOSSL client contexts of one run, one per distinct TLS configuration, built the first time a session needs
/// it and reused by every later session: a context loads the trust roots (the system's, a CA file) and sets up
/// BoringSSL, which costs far more than a connection on loopback.
///
/// Thread-safe: sessions played in parallel (`--jobs`) share it. A configuration that cannot be built (a CA file
/// that cannot be read) is not kept, so each session that uses it reports why.
final class TLSContextCache: Sendable {
    /// What a client context depends on; the server name is not part of it (it goes to each connection's handler).
    struct Key: Hashable, Sendable {
        /// Whether the chain and name are verified.
        var verify: Bool
        /// A step's `ca-file`, trusted instead of the system's roots.
        var caFile: String?
        /// Certificates trusted besides the roots (``RunnerOptions/additionalTrustRoots``).
        var additionalTrustRoots: [NIOSSLCertificate]
    }

    private let contexts = Mutex<[Key: NIOSSLContext]>([:])

    /// Creates an empty cache.
    init() {}

    /// The context for `key`, built with `make` the first time only.
    func context(
        for key: Key,
        make: (Key) throws(TransportError) -> NIOSSLContext
    ) throws(TransportError) -> NIOSSLContext {
        if let known = contexts.withLock({ $0[key] }) { return known }
        // Built outside the lock: two sessions that race here both build one, and the first one stored is kept.
        let made = try make(key)
        return contexts.withLock { stored in
            if let known = stored[key] { return known }
            stored[key] = made
            return made
        }
    }

    /// How many contexts are kept (for tests).
    var count: Int { contexts.withLock { $0.count } }
}
