// nio-floor: the benchmark's transport floor. The seed walkthrough session over NIOAsyncChannel, nothing else:
//
//   nio-floor client HOST:PORT SESSIONS JOBS   plays SESSIONS sessions (JOBS at once), checks only reply codes
//   nio-floor sink HOST:PORT                   answers like smtp-sink; `STAT` answers "250 SESSIONS MESSAGES"
//                                              (sessions that ended with QUIT, messages accepted)
//
// and the same two as plain NIO channel handlers, without NIOAsyncChannel (no async sequence, no task woken for
// each reply), to show how much of the floor is NIOAsyncChannel itself; the engineering standards rule this shape
// out for smtpspec:
//
//   nio-floor handler-client HOST:PORT SESSIONS JOBS
//   nio-floor handler-sink HOST:PORT
//
// Both run each connection's task on its channel's event loop (a task executor preference), as smtpspec does; with
// one job the client keeps everything on one loop, as `smtpspec run --jobs 1` does. The sinks serve every
// connection on one loop, their fastest arrangement (see runSink). Commands and replies are scanned as bytes, with
// no generic search: this is the transport's cost and nothing else. Loopback addresses only.
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// Runs a task's jobs on one event loop.
final class LoopExecutor: TaskExecutor {
    let loop: any EventLoop
    init(_ loop: any EventLoop) { self.loop = loop }
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

enum FloorError: Error {
    case closed
    case unexpected(Int, expected: Int)
    case usage(String)
}

/// Reads whole replies (the last line is `NNN ` and ends in CRLF) and gives their codes.
struct ReplyCodes {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var buffer = ByteBuffer()

    mutating func expect(_ code: Int) async throws {
        while true {
            if let got = takeReplyCode(from: &buffer) {
                guard got == code else { throw FloorError.unexpected(got, expected: code) }
                return
            }
            guard var more = try await iterator.next() else { throw FloorError.closed }
            buffer.writeBuffer(&more)
        }
    }
}

/// The code of the first complete reply in `buffer`, which it removes from it; nil while none is complete.
func takeReplyCode(from buffer: inout ByteBuffer) -> Int? {
    let bytes = buffer.readableBytesView
    var lineStart = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
        if bytes[index] == UInt8(ascii: "\n") {
            let line = bytes[lineStart..<index]
            if line.count >= 4, line[line.startIndex + 3] != UInt8(ascii: "-") {
                let code = line.prefix(3).reduce(0) { $0 * 10 + Int($1 &- 48) }
                buffer.moveReaderIndex(forwardBy: index + 1 - bytes.startIndex)
                return code
            }
            lineStart = index + 1
        }
        index += 1
    }
    return nil
}

let message = """
    Date: Mon, 07 Dec 2026 03:37:23 +0000\r
    From: chris@contoso.com\r
    To: kate@fabrikam.com\r
    Subject: Test from Contoso\r
    Message-ID: <floor@contoso.com>\r
    \r
    This is a test message\r
    .\r

    """

func playSession(to address: SocketAddress, on loop: any EventLoop) async throws {
    let channel = try await ClientBootstrap(group: loop).connect(to: address) { channel in
        channel.eventLoop.makeCompletedFuture {
            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
    }
    try await channel.executeThenClose { inbound, outbound in
        var replies = ReplyCodes(iterator: inbound.makeAsyncIterator())
        try await replies.expect(220)
        for (command, code) in [
            ("EHLO contoso.com\r\n", 250), ("MAIL FROM:<chris@contoso.com>\r\n", 250),
            ("RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE\r\n", 250), ("DATA\r\n", 354), (message, 250),
            ("QUIT\r\n", 221),
        ] {
            try await outbound.write(ByteBuffer(string: command))
            try await replies.expect(code)
        }
    }
}

func runClient(
    address: SocketAddress,
    sessions: Int,
    jobs: Int,
    play: @escaping @Sendable (SocketAddress, any EventLoop) async throws -> Void = playSession
) async throws {
    let group = MultiThreadedEventLoopGroup.singleton
    if jobs == 1 {
        let loop = group.next()
        try await withTaskExecutorPreference(LoopExecutor(loop)) {
            for _ in 0..<sessions { try await play(address, loop) }
        }
        return
    }
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        var started = 0
        func start() {
            guard started < sessions else { return }
            started += 1
            let loop = group.next()
            tasks.addTask(executorPreference: LoopExecutor(loop)) { try await play(address, loop) }
        }
        for _ in 0..<jobs { start() }
        while try await tasks.next() != nil { start() }
    }
}

/// Counts sessions and messages for the benchmark's check.
final class Counters: @unchecked Sendable {
    private let lock = NIOLock()
    private var sessions = 0
    private var messages = 0
    func add(sessions: Int = 0, messages: Int = 0) {
        lock.withLock {
            self.sessions += sessions
            self.messages += messages
        }
    }
    var text: String { lock.withLock { "\(sessions) \(messages)" } }
}

/// The first command line's verb (its first four bytes, upper-cased, as one big-endian number) and the reader
/// index after its LF, or nil while the line is incomplete.
func commandVerb(in buffer: ByteBuffer) -> (UInt32, Int)? {
    buffer.withUnsafeReadableBytes { bytes -> (UInt32, Int)? in
        guard let newline = bytes.firstIndex(of: 10) else { return nil }
        var verb: UInt32 = 0
        for index in 0..<min(4, newline) { verb = verb << 8 | UInt32(bytes[index] & 0xDF) }
        return (verb, buffer.readerIndex + newline + 1)
    }
}

/// The reader index after the message content's terminating CRLF.CRLF, or nil while it has not arrived.
func endOfData(in buffer: ByteBuffer) -> Int? {
    buffer.withUnsafeReadableBytes { bytes -> Int? in
        guard bytes.count >= 5 else { return nil }
        var index = 0
        while index + 5 <= bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 46, bytes[index + 3] == 13,
                bytes[index + 4] == 10
            {
                return buffer.readerIndex + index + 5
            }
            index += 1
        }
        return nil
    }
}

/// What a sink connection has read and not yet answered: replies like smtp-sink, line by line, message content
/// until the lone dot. Both sinks (over NIOAsyncChannel and as a plain channel handler) answer through it.
struct SinkConversation {
    static let greeting = "220 nio-floor ESMTP\r\n"
    var pending = ByteBuffer()
    var inData = false

    /// Takes what was read and returns the replies to it, and whether the client said QUIT.
    mutating func answer(_ bytes: inout ByteBuffer, counters: Counters) -> (replies: ByteBuffer, quit: Bool) {
        pending.writeBuffer(&bytes)
        var out = ByteBuffer()
        while true {
            if inData {
                guard let end = endOfData(in: pending) else { break }
                pending.moveReaderIndex(to: end)
                inData = false
                counters.add(messages: 1)
                out.writeStaticString("250 2.0.0 Ok: queued\r\n")
                continue
            }
            guard let (verb, next) = commandVerb(in: pending) else { break }
            pending.moveReaderIndex(to: next)
            switch verb {
            case 0x4548_4C4F:
                out.writeStaticString("250-nio-floor\r\n250-PIPELINING\r\n250-DSN\r\n250 8BITMIME\r\n")
            case 0x4D41_494C: out.writeStaticString("250 2.1.0 Ok\r\n")
            case 0x5243_5054: out.writeStaticString("250 2.1.5 Ok\r\n")
            case 0x4441_5441:
                inData = true
                out.writeStaticString("354 End data with <CR><LF>.<CR><LF>\r\n")
            case 0x5155_4954:
                out.writeStaticString("221 2.0.0 Bye\r\n")
                counters.add(sessions: 1)
                return (out, true)
            case 0x5354_4154: out.writeString("250 \(counters.text)\r\n")
            default: out.writeStaticString("250 Ok\r\n")
            }
        }
        return (out, false)
    }
}

/// One server connection over NIOAsyncChannel.
func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, counters: Counters) async throws {
    try await connection.executeThenClose { inbound, outbound in
        try await outbound.write(ByteBuffer(string: SinkConversation.greeting))
        var conversation = SinkConversation()
        for try await var bytes in inbound {
            let (replies, quit) = conversation.answer(&bytes, counters: counters)
            if replies.readableBytes > 0 { try await outbound.write(replies) }
            if quit { break }
        }
    }
}

/// One server connection as a plain channel handler: no task, no async sequence, no await. The engineering
/// standards do not allow this shape in smtpspec (all networking goes through NIOAsyncChannel); it is here to
/// show what NIO itself costs apart from NIOAsyncChannel.
final class SinkHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    let counters: Counters
    var conversation = SinkConversation()
    init(counters: Counters) { self.counters = counters }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: SinkConversation.greeting)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        let (replies, quit) = conversation.answer(&bytes, counters: counters)
        if replies.readableBytes > 0 { context.writeAndFlush(wrapOutboundOut(replies), promise: nil) }
        if quit { context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// Both sinks' listener: every connection on `loop`, a long accept backlog.
func sinkBootstrap(on loop: any EventLoop) -> ServerBootstrap {
    ServerBootstrap(group: loop, childGroup: loop)
        .serverChannelOption(.backlog, value: 1024)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
}

/// Serves every connection with ``SinkHandler`` on one event loop, as the other sink does.
func runHandlerSink(address: SocketAddress) async throws {
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let counters = Counters()
    let server = try await sinkBootstrap(on: loop)
        .childChannelInitializer { child in
            child.eventLoop.makeCompletedFuture {
                try child.pipeline.syncOperations.addHandler(SinkHandler(counters: counters))
            }
        }
        .bind(to: address).get()
    try await server.closeFuture.get()
}

/// One client session as a plain channel handler: each reply's code checked, the next command written from
/// `channelRead`, the promise completed when QUIT's reply has come. See ``SinkHandler`` on why smtpspec may not.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer
    static let steps: [(command: String?, code: Int)] = [
        (nil, 220), ("EHLO contoso.com\r\n", 250), ("MAIL FROM:<chris@contoso.com>\r\n", 250),
        ("RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE\r\n", 250), ("DATA\r\n", 354), (message, 250),
        ("QUIT\r\n", 221),
    ]
    let done: EventLoopPromise<Void>
    var buffer = ByteBuffer()
    var step = 0
    init(done: EventLoopPromise<Void>) { self.done = done }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        buffer.writeBuffer(&bytes)
        while let code = takeReplyCode(from: &buffer) {
            guard code == Self.steps[step].code else {
                done.fail(FloorError.unexpected(code, expected: Self.steps[step].code))
                return context.close(promise: nil)
            }
            step += 1
            guard step < Self.steps.count else {
                done.succeed()
                return context.close(promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: Self.steps[step].command!)), promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        done.fail(FloorError.closed)  // Ignored once the session has succeeded.
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        done.fail(error)
        context.close(promise: nil)
    }
}

/// Plays one session with ``SessionHandler``; the task awaits the session, not each reply.
func playHandlerSession(to address: SocketAddress, on loop: any EventLoop) async throws {
    let done = loop.makePromise(of: Void.self)
    do {
        _ = try await ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SessionHandler(done: done))
                }
            }
            .connect(to: address).get()
    } catch {
        done.fail(error)  // No handler will: the promise must not be left uncompleted.
        throw error
    }
    try await done.futureResult.get()
}

func runSink(address: SocketAddress) async throws {
    // One event loop for the listener and every connection: measured the fastest way to serve over
    // NIOAsyncChannel here (0.69x smtp-sink against 0.52x with the connections spread over both loops, 3,000
    // messages x 5 runs, interleaved), since no connection is handed between threads. The mock serves on one loop
    // too.
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let counters = Counters()
    let server = try await sinkBootstrap(on: loop)
        .bind(to: address) { child in
            child.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
            }
        }
    try await withTaskExecutorPreference(LoopExecutor(server.channel.eventLoop)) {
        try await server.executeThenClose { inbound in
            try await withThrowingDiscardingTaskGroup { tasks in
                for try await connection in inbound {
                    tasks.addTask(executorPreference: LoopExecutor(connection.channel.eventLoop)) {
                        try? await serve(connection, counters: counters)
                    }
                }
            }
        }
    }
}

func loopbackAddress(_ text: String) throws -> SocketAddress {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else {
        throw FloorError.usage("HOST:PORT expected, got \(text)")
    }
    let host = String(text[..<colon]).trimmingCharacters(in: "[]")
    let address = try SocketAddress(ipAddress: host, port: port)
    guard host == "::1" || host.hasPrefix("127.") else { throw FloorError.usage("loopback only: \(host)") }
    return address
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        String(self.drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}

let arguments = CommandLine.arguments
do {
    switch arguments.count > 2 ? arguments[1] : "" {
    case "client", "handler-client":
        guard arguments.count == 5, let sessions = Int(arguments[3]), let jobs = Int(arguments[4]), sessions > 0,
            jobs > 0
        else {
            throw FloorError.usage("SESSIONS and JOBS are positive numbers")
        }
        let address = try loopbackAddress(arguments[2])
        if arguments[1] == "client" {
            try await runClient(address: address, sessions: sessions, jobs: jobs)
        } else {
            try await runClient(address: address, sessions: sessions, jobs: jobs) {
                try await playHandlerSession(to: $0, on: $1)
            }
        }
        print("\(sessions) ok")
    case "sink" where arguments.count == 3:
        try await runSink(address: try loopbackAddress(arguments[2]))
    case "handler-sink" where arguments.count == 3:
        try await runHandlerSink(address: try loopbackAddress(arguments[2]))
    default:
        throw FloorError.usage(
            "nio-floor client|handler-client HOST:PORT SESSIONS JOBS | nio-floor sink|handler-sink HOST:PORT"
        )
    }
} catch {
    print("nio-floor: \(error)")
    exit(1)
}
