import NIOCore
import NIOPosix

/// Opens TCP connections (TLS first, for implicit TLS, when the caller adds it) wrapped as `NIOAsyncChannel`s of
/// ``InboundEvent``s, for the SMTP runner and the IMAP client alike.
public enum ClientConnector {
    /// Where to connect: a host name (resolved by NIO's getaddrinfo, trying IPv6 and IPv4) or an address.
    public enum Destination: Sendable {
        /// A host name or address literal and a port.
        case host(String, port: Int)
        /// A resolved socket address.
        case address(SocketAddress)

        /// An IPv4 or IPv6 address literal (`127.0.0.1`, `::1`) as a socket address, so that connecting needs
        /// neither getaddrinfo nor Happy Eyeballs; a host name (or anything `inet_pton` does not read) as a name
        /// for NIO's resolver.
        public static func named(_ host: String, port: Int) -> Destination {
            if host.contains(":") || host.last?.isNumber == true,
                let address = try? SocketAddress(ipAddress: host, port: port)
            {
                return .address(address)
            }
            return .host(host, port: port)
        }
    }

    /// Connects within `timeout`, with TCP_NODELAY. `addHandlers` runs on the channel's event loop before the
    /// ``InboundEventHandler`` is added last (a TLS client handler for implicit TLS, an observer ahead of it).
    ///
    /// - Throws: ``ConnectFailure`` saying why the connection could not be made.
    public static func connect<Kept>(
        to destination: Destination,
        timeout: Duration,
        group: any EventLoopGroup,
        keeping: Kept.Type,
        addHandlers: @escaping @Sendable (any Channel) throws -> Void
    ) async throws(ConnectFailure) -> NIOAsyncChannel<InboundEvent, ByteBuffer> {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<InboundEvent, ByteBuffer>> = {
            channel in
            channel.eventLoop.makeCompletedFuture {
                try addHandlers(channel)
                try channel.pipeline.syncOperations.addHandler(InboundEventHandler<Kept>())
                return try NIOAsyncChannel(wrappingChannelSynchronously: channel)
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
            throw ConnectFailure(error)
        }
    }
}
