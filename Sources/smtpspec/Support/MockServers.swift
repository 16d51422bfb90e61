import Logging
import SMTPMock

/// Runs `body` with one mock server per persona (each with its configuration: a free loopback port unless it
/// says otherwise), all listening at once, and stops them after it.
func withMockServers<Result: Sendable>(
    _ servers: [(persona: Persona, configuration: MockServerConfiguration)],
    logger: Logger,
    _ body: ([MockServer]) async throws -> Result
) async throws -> Result {
    func start(
        _ rest: ArraySlice<(persona: Persona, configuration: MockServerConfiguration)>,
        _ started: [MockServer]
    ) async throws -> Result {
        guard let next = rest.first else { return try await body(started) }
        return try await withMockServer(persona: next.persona, configuration: next.configuration, logger: logger) {
            server in
            try await start(rest.dropFirst(), started + [server])
        }
    }
    return try await start(servers[...], [])
}
