import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import SMTPScenario
import Testing

@testable import SMTPRunner

/// An address literal is connected to as it is: no getaddrinfo, no Happy Eyeballs.
@Suite("Address literals need no resolver")
struct AddressLiteralTests {
    @Test("an IPv4 or IPv6 address literal becomes a socket address; a host name is left to the resolver")
    func literalDestinations() throws {
        for (host, family) in [("127.0.0.1", "v4"), ("::1", "v6"), ("fe80::1", "v6"), ("::ffff:127.0.0.1", "v6")] {
            guard case .address(let address) = Connector.Destination.named(host, port: 2525) else {
                Issue.record("\(host) was not taken as an address")
                continue
            }
            #expect(address.port == 2525)
            switch (address, family) {
            case (.v4, "v4"), (.v6, "v6"): break
            default: Issue.record("\(host) became \(address)")
            }
        }
        for host in ["localhost", "mail1.fabrikam.com", "mx-10", "127.0.0.1.nip.io", "300.1.1.1"] {
            guard case .host(let name, let port) = Connector.Destination.named(host, port: 25) else {
                Issue.record("\(host) was taken as an address")
                continue
            }
            #expect(name == host && port == 25)
        }
    }

    @Test("a session to [::1]:port connects without a resolver and plays as usual")
    func ipv6Literal() async throws {
        let script: [LoopbackServer.Action] = [.send("220 v6.example ESMTP\r\n"), .readLine, .send("221 bye\r\n")]
        let outcome: ScenarioResult?
        do {
            outcome = try await LoopbackServer.with(script, host: "::1") { server in
                await PlanBuilder.run(
                    PlanBuilder.plan([
                        PlanBuilder.open(server.address),
                        PlanBuilder.command(.quit, PlanText(literal: "QUIT"), expect: PlanBuilder.code(221), line: 3),
                    ])
                )
            }
        } catch {
            // No IPv6 loopback on this machine (a container without it): nothing to test.
            return
        }
        let result = try #require(outcome)
        #expect(result.status == .passed)
        #expect(result.steps.first?.peer?.hasPrefix("[::1]:") == true)
    }
}
