import NIOCore
import NIOPosix
import NIOSSL

/// A minimal SMTPS server on 127.0.0.1 (an ephemeral port) with TLS from the first byte, for the runner's
/// implicit-TLS and cipher tests. It greets, answers every line with 250 (221 to QUIT), and closes after QUIT.
enum RunnerImplicitTLSServer {
    typealias Child = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Starts the server with `certificate`/`key` (PEM files, the test certificate `scripts/peers.sh` makes),
    /// runs `body` with its port, then stops it.
    static func with<T: Sendable>(
        certificate: String,
        key: String,
        _ body: @Sendable (Int) async throws -> T
    ) async throws -> T {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        )
        return try await with(configuration: configuration, body)
    }

    /// Starts the server with a TLS configuration of the test's own (versions, cipher suites), runs `body` with
    /// its port, then stops it.
    static func with<T: Sendable>(
        configuration: TLSConfiguration,
        _ body: @Sendable (Int) async throws -> T
    ) async throws -> T {
        let context = try NIOSSLContext(configuration: configuration)
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    return try Child(wrappingChannelSynchronously: child)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        try? await serve(connection)
                    }
                }
            }
            defer { group.cancelAll() }
            let result = try await body(port)
            server.channel.close(promise: nil)
            return result
        }
    }

    private static func serve(_ connection: Child) async throws {
        try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: "220 mail.smtpspec.test ESMTP implicit TLS\r\n"))
            var pending = ""
            for try await chunk in inbound {
                pending += String(buffer: chunk)
                while let end = pending.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
                    let line = pending[..<end].trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
                    pending.removeSubrange(...end)
                    if line == "QUIT" {
                        try await outbound.write(ByteBuffer(string: "221 2.0.0 Bye\r\n"))
                        return
                    }
                    try await outbound.write(ByteBuffer(string: "250 2.0.0 Ok\r\n"))
                }
            }
        }
    }
}
