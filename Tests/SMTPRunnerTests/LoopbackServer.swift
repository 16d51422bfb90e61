import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A tiny real SMTP-ish server on 127.0.0.1 (an ephemeral port) that plays a fixed script on every connection,
/// for the runner's edge cases: silence, garbage, a close mid-reply, plaintext injected after STARTTLS.
struct LoopbackServer: Sendable {
    /// One thing the server does, in order.
    enum Action: Sendable {
        /// Writes these bytes (as UTF-8) in one write.
        case send(String)
        /// Reads one line from the client (up to LF) and records it.
        case readLine
        /// Closes the connection.
        case close
        /// Keeps the connection open, reading and discarding, until the client closes it.
        case hold
        /// Writes these bytes as they are.
        case sendBytes([UInt8])
        /// Writes the text again and again until the client closes the connection or `limit` octets went out.
        case flood(String, limit: Int = 256 << 20)
        /// Writes the text one octet at a time, `every` apart.
        case drip(String, every: Duration)
        /// Aborts the connection with a TCP reset (SO_LINGER 0, then close).
        case reset
    }

    typealias Child = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// The port it listens on.
    let port: Int
    /// The address it listens on: `127.0.0.1` unless a test asks for `::1`.
    let host: String
    private let server: NIOAsyncChannel<Child, Never>
    private let received: Received

    /// Lines the server read, across connections.
    final class Received: Sendable {
        private let storage = Mutex<[String]>([])

        func append(_ line: String) { storage.withLock { $0.append(line) } }
        var lines: [String] { storage.withLock { $0 } }
    }

    /// Starts a server playing `script` for each connection (one at a time), and runs `body` with it.
    static func with<T: Sendable>(
        _ script: [Action],
        host: String = "127.0.0.1",
        _ body: (LoopbackServer) async throws -> T
    ) async throws -> T {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: 0) { child in
                child.eventLoop.makeCompletedFuture { try Child(wrappingChannelSynchronously: child) }
            }
        let port = server.channel.localAddress?.port ?? 0
        let received = Received()
        let instance = LoopbackServer(port: port, host: host, server: server, received: received)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        try? await play(script, on: connection, received: received)
                    }
                }
            }
            defer { group.cancelAll() }
            let result = try await body(instance)
            server.channel.close(promise: nil)
            return result
        }
    }

    /// The lines the server read from clients so far.
    var receivedLines: [String] { received.lines }

    /// `127.0.0.1:port`, or `[::1]:port`.
    var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func play(_ script: [Action], on connection: Child, received: Received) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var pending: [UInt8] = []
            for action in script {
                switch action {
                case .send(let text):
                    try await outbound.write(ByteBuffer(string: text))
                case .readLine:
                    while !pending.contains(UInt8(ascii: "\n")) {
                        guard let chunk = try await iterator.next() else { return }
                        pending += chunk.readableBytesView
                    }
                    let end = pending.firstIndex(of: UInt8(ascii: "\n")) ?? pending.endIndex
                    var line = Array(pending[..<end])
                    pending.removeSubrange(...end)
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    received.append(String(decoding: line, as: UTF8.self))
                case .close:
                    return
                case .hold:
                    while try await iterator.next() != nil {}
                    return
                case .sendBytes(let bytes):
                    try await outbound.write(ByteBuffer(bytes: bytes))
                case .flood(let text, let limit):
                    let chunk = ByteBuffer(
                        string: String(repeating: text, count: max(1, 16_384 / max(1, text.utf8.count)))
                    )
                    var sent = 0
                    while sent < limit {
                        try await outbound.write(chunk)
                        sent += chunk.readableBytes
                    }
                case .drip(let text, let every):
                    for byte in text.utf8 {
                        try await outbound.write(ByteBuffer(bytes: [byte]))
                        try await Task.sleep(for: every)
                    }
                case .reset:
                    let channel = connection.channel
                    if let provider = channel as? any SocketOptionProvider {
                        try await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
                    }
                    try await channel.close()
                    return
                }
            }
        }
    }

    /// A port on 127.0.0.1 where nothing listens: bound, then closed again.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}
