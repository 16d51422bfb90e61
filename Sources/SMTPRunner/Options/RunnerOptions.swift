import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// How the runner plays sessions: overrides for where to connect and which DNS server to ask, a logger, and the
/// event loops to use.
public struct RunnerOptions: Sendable {
    /// `--server HOST:PORT`: every `open` connects here instead of the host in the file (MX lookups are
    /// skipped). TLS verification still checks the name in the file.
    public var server: Endpoint?
    /// `--dns-server HOST:PORT`: MX and address lookups ask this server (UDP, then TCP) instead of the
    /// system's resolvers.
    public var dnsServer: Endpoint?
    /// Where the runner logs (at debug and trace level; it never prints).
    public var logger: Logger
    /// The event loops connections run on: one group for the whole run (NIO's shared singleton unless a caller
    /// gives its own), never one per session.
    public var eventLoopGroup: any EventLoopGroup
    /// How long the polite QUIT after a failed step may wait for its reply.
    public var quitGracePeriod: Duration
    /// Certificates trusted besides the system's roots (or a step's `ca-file`) when TLS is verified: `run --mock`
    /// trusts the in-process mock's own certificate, so a scenario's `starttls` verifies against it as written.
    public var additionalTrustRoots: [NIOSSLCertificate] = []
    /// Where await steps read arrived mail: the run's capture servers and its `run --mock` server.
    public var messageSources = MessageSources()
    /// The TLS client contexts of the run, built once per distinct configuration and shared by every session
    /// (copies of these options share it too).
    let tlsContexts = TLSContextCache()

    /// Creates options; by default nothing is overridden and NIO's shared event loops are used.
    public init(
        server: Endpoint? = nil,
        dnsServer: Endpoint? = nil,
        logger: Logger = Logger(label: "smtpspec.runner", factory: { _ in SwiftLogNoOpLogHandler() }),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        quitGracePeriod: Duration = .seconds(2)
    ) {
        self.server = server
        self.dnsServer = dnsServer
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
        self.quitGracePeriod = quitGracePeriod
    }
}
