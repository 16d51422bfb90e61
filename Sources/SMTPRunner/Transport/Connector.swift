import ClientChannel
import NIOCore
import NIOSSL

/// Opens the runner's TCP (and implicit TLS) connections, through ClientChannel's connector, with a
/// ``ServerHelloObserver`` ahead of the TLS handler so that the cipher suite is known.
enum Connector {
    /// The async channel type the runner plays sessions on.
    typealias AsyncChannel = NIOAsyncChannel<InboundEvent, ByteBuffer>
    /// Where to connect: a host name or an address (literals skip the resolver).
    typealias Destination = ClientConnector.Destination

    /// Connects within `timeout`; `tls` adds a TLS client handler first (implicit TLS).
    static func connect(
        to destination: Destination,
        tls: TLSSettings?,
        timeout: Duration,
        group: any EventLoopGroup
    ) async throws(TransportError) -> AsyncChannel {
        do {
            return try await ClientConnector.connect(
                to: destination,
                timeout: timeout,
                group: group,
                keeping: ServerHello.self
            ) { channel in
                guard let tls else { return }
                let handler = try NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverHostname)
                try channel.pipeline.syncOperations.addHandlers(ServerHelloObserver(), handler)
            }
        } catch {
            throw TransportError(error)
        }
    }
}

extension TransportError {
    /// A connection that could not be made, as the runner reports it.
    init(_ failure: ConnectFailure) {
        switch failure {
        case .refused(let text): self = .connectFailed(.refused, text)
        case .unreachable(let text): self = .connectFailed(.unreachable, text)
        case .dnsFailure(let text): self = .connectFailed(.dnsFailure, text)
        case .timeout(let text): self = .connectFailed(.timeout, text)
        case .other(let text): self = .connectFailed(.other, text)
        case .tls(let error):
            if let sslError = error as? NIOSSLError {
                self = .tls(TLSErrorText.describe(sslError))
            } else if let extra = error as? NIOSSLExtraError {
                self = .tls(TLSErrorText.describe(extra))
            } else {
                self = .tls("\(error)")
            }
        }
    }
}
