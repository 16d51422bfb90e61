import Logging
import SMTPMock

/// Runs `body` with one mock server per persona, all listening at once on loopback, and stops them after it.
func withMockServers<Result: Sendable>(
    _ personas: [Persona],
    logger: Logger,
    _ body: ([MockServer]) async throws -> Result
) async throws -> Result {
    func start(_ rest: ArraySlice<Persona>, _ started: [MockServer]) async throws -> Result {
        guard let persona = rest.first else { return try await body(started) }
        return try await withMockServer(persona: persona, logger: logger) { server in
            try await start(rest.dropFirst(), started + [server])
        }
    }
    return try await start(personas[...], [])
}
