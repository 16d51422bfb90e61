import SMTPCore
import Testing

@Suite("host:port: the one parser behind open, --server, --dns-server and mock --listen")
struct HostPortTests {
    @Test(
        "names, IPv4 and bracketed IPv6, with or without a port",
        arguments: [
            ("mail.example.com", "mail.example.com", nil), ("mail.example.com:2525", "mail.example.com", 2525),
            ("127.0.0.1:25", "127.0.0.1", 25), ("[::1]", "::1", nil), ("[::1]:2525", "::1", 2525),
            ("[2001:db8::1]:65535", "2001:db8::1", 65535), ("localhost:1", "localhost", 1),
        ] as [(String, String, Int?)]
    )
    func parses(text: String, host: String, port: Int?) throws {
        #expect(try HostPort.parse(text).get() == HostPort(host: host, port: port))
    }

    @Test(
        "malformed forms are refused, each with its reason and where it starts",
        arguments: [
            ("::1:25", "'::1:25' looks like an IPv6 address without brackets", 0),
            ("2001:db8::1", "'2001:db8::1' looks like an IPv6 address without brackets", 0),
            ("[::1", "unclosed '[' in '[::1'", 0), ("[::1]25", "expected ':port' after ']' in '[::1]25'", 5),
            ("host:0", "'0' is not a port number", 5), ("host:65536", "'65536' is not a port number", 5),
            ("host:+25", "'+25' is not a port number", 5), ("host:", "'' is not a port number", 5),
            ("[::1]:x", "'x' is not a port number", 6), (":25", "'' has no host", 0), ("", "'' has no host", 0),
            ("mail example.com", "'mail example.com' is not a host name or address", 0),
            ("smtp://mail.example.com", "'//mail.example.com' is not a port number", 5),
            ("mail/x:25", "'mail/x' is not a host name or address", 0),
            ("][", "'][' is not a host name or address", 0), ("[]", "'[]' has no host", 1),
            ("[mail.example]:25", "'[mail.example]' has brackets but no IPv6 address", 1),
            ("[::1]]:25", "expected ':port' after ']' in '[::1]]:25'", 5),
            (
                "127.0.0.1\0evil.example",
                "the host '127.0.0.1\\0evil.example' contains NUL (\\0): the resolver would stop reading the host "
                    + "name there", 9
            ),
            (
                "mail\r\nevil.example:25",
                "the host 'mail\\r\\nevil.example' contains CR (\\r): a host name is one line", 4
            ),
            ("mail\u{1B}x", "'mail\\u{1B}x' is not a host name or address", 0),
        ]
    )
    func refuses(text: String, message: String, offset: Int) {
        guard case .failure(let problem) = HostPort.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(problem.message == message)
        #expect(problem.offset == offset)
    }

    @Test("port 0 only where a listening socket may pick any port")
    func portZero() throws {
        #expect(try HostPort.parse("127.0.0.1:0", allowingPortZero: true).get().port == 0)
        #expect(try HostPort.port("0", allowingZero: true).get() == 0)
        #expect(throws: HostPort.Problem.self) { try HostPort.port("0").get() }
    }

    @Test("a host written apart from its port may be a bare IPv6 address")
    func hostAlone() throws {
        #expect(try HostPort.parseHost("2001:db8::1").get() == "2001:db8::1")
        #expect(try HostPort.parseHost("[::1]").get() == "::1")
        #expect(try HostPort.parseHost("mail.example.com").get() == "mail.example.com")
        #expect(throws: HostPort.Problem.self) { try HostPort.parseHost("[::1").get() }
        #expect(throws: HostPort.Problem.self) { try HostPort.parseHost("").get() }
    }

    @Test("a missing port takes the default, or is a problem without one")
    func resolvedPort() throws {
        let bare = try HostPort.parse("mail.example.com").get()
        #expect(try bare.resolvedPort(default: 25).get() == 25)
        #expect(try HostPort.parse("mail.example.com:2525").get().resolvedPort(default: 25).get() == 2525)
        guard case .failure(let problem) = bare.resolvedPort() else {
            Issue.record("no port accepted")
            return
        }
        #expect(problem.message == "'mail.example.com' has no port")
    }

    @Test("shown with brackets around IPv6")
    func description() {
        #expect(HostPort(host: "::1", port: 25).description == "[::1]:25")
        #expect(HostPort(host: "::1").description == "[::1]")
        #expect(HostPort(host: "127.0.0.1", port: 2525).description == "127.0.0.1:2525")
        #expect(HostPort(host: "mail.example.com").description == "mail.example.com")
    }
}
