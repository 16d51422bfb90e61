import NIOCore

/// Sits on the network side of the TLS client handler and reads the server's ServerHello as it goes by, since
/// NIOSSL does not tell which cipher suite was negotiated.
///
/// Every read passes through unchanged and at once; the observer parses its own copy with
/// ``ServerHelloParser``. On finding the ServerHello it fires it as a user inbound event of type
/// ``ServerHello`` (before passing on the bytes that completed it, so it always arrives ahead of the handshake's
/// end) and removes itself; on anything it does not understand, or after 16 KiB, it removes itself quietly.
final class ServerHelloObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private var parser = ServerHelloParser()
    private var finished = false

    /// Creates an observer; add it right before (on the network side of) the TLS handler.
    init() {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished else {
            context.fireChannelRead(data)
            return
        }
        switch parser.feed(unwrapInboundIn(data)) {
        case .needMore:
            break
        case .found(let hello):
            finished = true
            context.fireUserInboundEventTriggered(hello)
        case .gaveUp:
            finished = true
        }
        context.fireChannelRead(data)
        if finished {
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }
}
