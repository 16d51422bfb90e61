import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens the TCP connection (with TLS first for implicit TLS) as an `NIOAsyncChannel` carrying
/// ``IMAPInboundEvent``s.
enum IMAPConnector {
    /// The async channel a session runs on.
    typealias AsyncChannel = NIOAsyncChannel<IMAPInboundEvent, ByteBuffer>

    /// Connects to `host:port` within `timeout`; `tls` puts a TLS client handler first.
    static func connect(
        host: String,
        port: Int,
        tls: IMAPTLS?,
        timeout: Duration,
        group: any EventLoopGroup
    ) async throws(IMAPError) -> AsyncChannel {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<AsyncChannel> = { channel in
            channel.eventLoop.makeCompletedFuture {
                if let tls {
                    let handler = try NIOSSLClientHandler(context: tls.context, serverHostname: tls.serverHostname)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
                try channel.pipeline.syncOperations.addHandler(IMAPInboundHandler())
                return try AsyncChannel(wrappingChannelSynchronously: channel)
            }
        }
        do {
            if let address = try? SocketAddress(ipAddress: host, port: port) {
                return try await bootstrap.connect(to: address, channelInitializer: initializer)
            }
            return try await bootstrap.connect(host: host, port: port, channelInitializer: initializer)
        } catch {
            throw classify(error)
        }
    }

    /// A connection error as a sentence.
    static func classify(_ error: any Error) -> IMAPError {
        if let connectionError = error as? NIOConnectionError {
            if let first = connectionError.connectionErrors.first {
                return classify(first.error)
            }
            return .connectFailed("cannot resolve \(connectionError.host)")
        }
        if case ChannelError.connectTimeout(let amount) = error {
            return .connectFailed("no answer to the connection attempt within \(amount)")
        }
        if let ioError = error as? IOError {
            if ioError.errnoCode == ECONNREFUSED {
                return .connectFailed("connection refused (nothing listens on that port)")
            }
            return .connectFailed(String(cString: strerror(ioError.errnoCode)))
        }
        if error is NIOSSLError || error is NIOSSLExtraError {
            return IMAPTLS.classify(error)
        }
        return .connectFailed(String(describing: error))
    }
}
