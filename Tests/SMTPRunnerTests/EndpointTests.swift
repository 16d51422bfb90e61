import SMTPRunner
import Testing

/// `--server` and `--dns-server` values.
@Suite("Endpoints")
struct EndpointTests {
    @Test("host:port, [v6]:port and a bare host with a default port")
    func parsing() {
        #expect(Endpoint(parsing: "127.0.0.1:2525") == Endpoint(host: "127.0.0.1", port: 2525))
        #expect(Endpoint(parsing: "[::1]:2525") == Endpoint(host: "::1", port: 2525))
        #expect(Endpoint(parsing: "mail.example.com", defaultPort: 25) == Endpoint(host: "mail.example.com", port: 25))
        #expect(Endpoint(parsing: "[::1]:2525")?.description == "[::1]:2525")
    }

    @Test("malformed values are rejected")
    func rejected() {
        #expect(Endpoint(parsing: "mail.example.com") == nil)
        #expect(Endpoint(parsing: "::1:25") == nil)
        #expect(Endpoint(parsing: "[::1") == nil)
        #expect(Endpoint(parsing: "host:0") == nil)
        #expect(Endpoint(parsing: "host:70000") == nil)
        #expect(Endpoint(parsing: ":25") == nil)
    }
}
