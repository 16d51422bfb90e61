import NIOCore
import NIOPosix
import Synchronization

/// A loopback server that greets with one line, answers what it receives only as `answer` says, and records every
/// octet a client sends, to show what a client sent before it gave up.
final class GreetingOnlyServer: Sendable {
    private let received = Received()
    private let channel: any Channel

    /// Starts on 127.0.0.1 on a free port.
    init(
        greeting: String,
        group: any EventLoopGroup,
        answer: @escaping @Sendable (String) -> String? = { _ in nil }
    ) async throws {
        let received = self.received
        channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        Recorder(greeting: greeting, received: received, answer: answer)
                    )
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    /// The port it listens on.
    var port: Int { channel.localAddress?.port ?? 0 }

    /// Everything clients sent so far.
    var bytes: [UInt8] { received.bytes.withLock { $0 } }

    /// Stops listening.
    func close() async throws {
        try await channel.close()
    }

    /// The octets received, shared by the connections.
    private final class Received: Sendable {
        let bytes = Mutex<[UInt8]>([])
    }

    private final class Recorder: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let greeting: String
        let received: Received
        let answer: @Sendable (String) -> String?

        init(greeting: String, received: Received, answer: @escaping @Sendable (String) -> String?) {
            self.greeting = greeting
            self.received = received
            self.answer = answer
        }

        func channelActive(context: ChannelHandlerContext) {
            context.writeAndFlush(NIOAny(ByteBuffer(string: greeting + "\r\n")), promise: nil)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            received.bytes.withLock { $0.append(contentsOf: buffer.readableBytesView) }
            if let reply = answer(String(buffer: buffer)) {
                context.writeAndFlush(NIOAny(ByteBuffer(string: reply)), promise: nil)
            }
        }
    }
}
