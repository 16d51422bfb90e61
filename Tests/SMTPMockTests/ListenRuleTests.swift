import SMTPMock
import Testing

/// One rule for every server smtpspec starts: loopback unless `allowRemote`, and a warning when beyond. No test
/// listens beyond loopback: the refusal comes before any socket is bound.
@Suite struct ListenRuleTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "::ffff:127.0.0.1", "localhost"])
    func loopbackAddressesAreLoopback(host: String) {
        #expect(ListenRule.scope(of: host) == .loopback)
        #expect(ListenRule.problem(host: host, allowRemote: false) == nil)
    }

    @Test(arguments: ["0.0.0.0", "::", "192.0.2.1", "10.0.0.1", "2001:db8::1", "::ffff:192.0.2.1", "128.0.0.1"])
    func otherAddressesAreRemote(host: String) {
        #expect(ListenRule.scope(of: host) == .remote)
        let problem = ListenRule.problem(host: host, allowRemote: false)
        #expect(problem?.contains("not a loopback address") == true)
        #expect(problem?.contains("--allow-remote") == true)
        #expect(ListenRule.problem(host: host, allowRemote: true) == nil)
    }

    @Test func theWarningNamesTheAddressAndTheWildcard() {
        let warning = ListenRule.warning(for: MockServerAddress(host: "0.0.0.0", port: 2799))
        #expect(warning?.hasPrefix("warning: listening on 0.0.0.0:2799, beyond loopback") == true)
        #expect(warning?.contains("every network interface") == true)
        #expect(ListenRule.warning(for: MockServerAddress(host: "127.0.0.1", port: 2525)) == nil)
        #expect(ListenRule.warning(for: MockServerAddress(host: "::1", port: 2525)) == nil)
    }

    @Test func bindRefusesAWildcardWithoutAllowRemote() async throws {
        let configuration = MockServerConfiguration(host: "0.0.0.0", port: 0)
        await #expect(throws: MockServerConfigurationError.self) {
            _ = try await MockServer.bind(persona: try Persona.builtin(named: "postfix"), configuration: configuration)
        }
    }

    @Test func anotherLoopbackAddressIsServed() async throws {
        let configuration = MockServerConfiguration(host: "127.0.0.2", port: 0, allowRemote: false)
        try await withMockServer(persona: try Persona.builtin(named: "postfix"), configuration: configuration) {
            server in
            #expect(server.address.host == "127.0.0.2")
        }
    }

    @Test(arguments: [
        MockServerConfiguration(idleTimeout: .zero),
        MockServerConfiguration(commandTimeout: .seconds(86_401)),
        MockServerConfiguration(minimumDataRate: 0),
        MockServerConfiguration(maxConnections: 0),
        MockServerConfiguration(port: 70_000),
    ])
    func limitsOutOfRangeAreRefused(configuration: MockServerConfiguration) async throws {
        #expect(configuration.problem != nil)
        await #expect(throws: MockServerConfigurationError.self) {
            _ = try await MockServer.bind(persona: try Persona.builtin(named: "postfix"), configuration: configuration)
        }
    }
}
