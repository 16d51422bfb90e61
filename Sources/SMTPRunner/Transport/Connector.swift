import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Opens TCP (and implicit TLS) connections wrapped as `NIOAsyncChannel`s with the runner's event handler.
enum Connector {
    /// The async channel type the runner plays sessions on.
    typealias AsyncChannel = NIOAsyncChannel<InboundEvent, ByteBuffer>

    /// Where to connect: a host name (resolved by NIO's getaddrinfo, trying IPv6 and IPv4) or an address.
    enum Destination: Sendable {
        /// A host name or address literal and a port.
        case host(String, port: Int)
        /// A resolved socket address.
        case address(SocketAddress)

        /// An IPv4 or IPv6 address literal (`127.0.0.1`, `::1`) as a socket address, so that connecting needs
        /// neither getaddrinfo nor Happy Eyeballs; a host name (or anything `inet_pton` does not read) as a name
        /// for NIO's resolver.
        static func named(_ host: String, port: Int) -> Destination {
            if host.contains(":") || host.last?.isNumber == true,
                let address = try? SocketAddress(ipAddress: host, port: port)
            {
                return .address(address)
            }
            return .host(host, port: port)
        }
    }

    /// Connects within `timeout`; `tls` adds a TLS client handler first (implicit TLS), with a
    /// ``ServerHelloObserver`` ahead of it to learn the cipher suite.
    static func connect(
        to destination: Destination,
        tls: TLSSettings?,
        timeout: Duration,
        group: any EventLoopGroup
    ) async throws(TransportError) -> AsyncChannel {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<AsyncChannel> = { channel in
            channel.eventLoop.makeCompletedFuture {
                if let tls {
                    let handler = try NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverHostname)
                    try channel.pipeline.syncOperations.addHandlers(ServerHelloObserver(), handler)
                }
                try channel.pipeline.syncOperations.addHandler(InboundEventHandler())
                return try AsyncChannel(wrappingChannelSynchronously: channel)
            }
        }
        do {
            switch destination {
            case .host(let host, let port):
                return try await bootstrap.connect(host: host, port: port, channelInitializer: initializer)
            case .address(let address):
                return try await bootstrap.connect(to: address, channelInitializer: initializer)
            }
        } catch {
            throw classify(error)
        }
    }

    /// Sorts a connection error into refused / unreachable / DNS failure / timeout.
    static func classify(_ error: any Error) -> TransportError {
        if let connectionError = error as? NIOConnectionError {
            if let first = connectionError.connectionErrors.first {
                return classify(first.error)
            }
            let dnsError = connectionError.dnsAError ?? connectionError.dnsAAAAError
            return .connectFailed(
                .dnsFailure,
                "cannot resolve \(connectionError.host)" + (dnsError.map { ": \($0)" } ?? "")
            )
        }
        if case ChannelError.connectTimeout(let amount) = error {
            return .connectFailed(.timeout, "no answer to the connection attempt within \(amount)")
        }
        if let ioError = error as? IOError {
            switch ioError.errnoCode {
            case ECONNREFUSED:
                return .connectFailed(.refused, "connection refused (nothing listens on that port)")
            case ENETUNREACH, EHOSTUNREACH:
                return .connectFailed(
                    .unreachable,
                    "no route to host (\(String(cString: strerror(ioError.errnoCode))))"
                )
            case ETIMEDOUT:
                return .connectFailed(.timeout, "connection timed out")
            default:
                return .connectFailed(.other, String(describing: ioError))
            }
        }
        if error is SocketAddressError {
            return .connectFailed(.dnsFailure, "cannot resolve the host: \(error)")
        }
        if let sslError = error as? NIOSSLExtraError {
            return .tls(TLSErrorText.describe(sslError))
        }
        return .connectFailed(.other, String(describing: error))
    }
}
