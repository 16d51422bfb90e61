import ClientChannel
import NIOCore

/// Opens the TCP connection (with TLS first for implicit TLS) through ClientChannel's connector, as an
/// `NIOAsyncChannel` carrying ``InboundEvent``s.
enum IMAPConnector {
    /// The async channel a session runs on.
    typealias AsyncChannel = NIOAsyncChannel<InboundEvent, ByteBuffer>

    /// Connects to `host:port` within `timeout`; `tls` puts a TLS client handler first.
    static func connect(
        host: String,
        port: Int,
        tls: IMAPTLS?,
        timeout: Duration,
        group: any EventLoopGroup
    ) async throws(IMAPError) -> AsyncChannel {
        do {
            return try await ClientConnector.connect(
                to: .named(host, port: port),
                timeout: timeout,
                group: group,
                keeping: Never.self
            ) { channel in
                if let tls { try channel.pipeline.syncOperations.addHandler(tls.makeHandler()) }
            }
        } catch {
            switch error {
            case .tls(let underlying): throw IMAPTLS.classify(underlying)
            default: throw .connectFailed(error.text)
            }
        }
    }
}
