import Logging

/// Runs `body` with a mock server playing `persona` on a free loopback port, then shuts it down.
///
/// ```swift
/// try await withMockServer(persona: .builtin(named: "exchange")) { server in
///     // talk SMTP to server.address.host : server.address.port
///     #expect(server.receivedMessages.count == 1)
/// }
/// ```
///
/// - Throws: what binding the server throws, or what `body` throws.
public func withMockServer<Result: Sendable>(
    persona: Persona,
    configuration: MockServerConfiguration = MockServerConfiguration(),
    logger: Logger = Logger(label: "smtpspec.mock", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: (MockServer) async throws -> Result
) async throws -> Result {
    let server = try await MockServer.bind(persona: persona, configuration: configuration, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
        group.addTask { try await server.run() }
        do {
            let result = try await body(server)
            server.shutdown()
            try await group.waitForAll()
            return result
        } catch {
            server.shutdown()
            try? await group.waitForAll()
            throw error
        }
    }
}
