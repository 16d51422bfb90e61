import SMTPScenario
import Testing

@Suite("Every verb compiles to the exact lines it sends")
struct VerbCompilationTests {
    @Test("open: host, host:port, [v6]:port and the map form")
    func open() throws {
        let compiled = try steps(
            """
            steps:
              - open: mail.example.com
              - open: mail.example.com:2525
              - open: "[::1]:2526"
              - open: {host: 127.0.0.1, port: 465, tls: implicit, verify: false, timeout: 3s}
              - open: {mx: example.test, each: true}
            """
        )
        let targets = compiled.compactMap { step -> String? in
            guard case .open(let open) = step.action else { return nil }
            switch open.target {
            case .host(let host, let port): return "\(host) \(port) \(open.tls.rawValue)"
            case .mx(let domain, let port): return "mx \(domain) \(port) each=\(open.each)"
            }
        }
        #expect(
            targets == [
                "mail.example.com 25 none", "mail.example.com 2525 none", "::1 2526 none", "127.0.0.1 465 implicit",
                "mx example.test 25 each=true",
            ]
        )
        guard case .open(let implicit) = compiled[3].action else { return }
        #expect(implicit.tlsOptions.verify == false)
        #expect(implicit.connectTimeout == .seconds(3))
        #expect(compiled.allSatisfy { $0.expectation.source == "220" })
    }

    @Test("open: a host beside its port may be bare IPv6; a variable may carry host:port")
    func openForms() throws {
        let compiled = try steps(
            """
            vars: {server: "[2001:db8::25]:2525"}
            steps:
              - open: {host: "2001:db8::1", port: 2526}
              - open: {host: "[::1]"}
              - open: ${server}
            """
        )
        let targets = compiled.compactMap { step -> String? in
            guard case .open(let open) = step.action, case .host(let host, let port) = open.target else { return nil }
            return "\(host) \(port)"
        }
        #expect(targets == ["2001:db8::1 2526", "::1 25", "2001:db8::25 2525"])
    }

    @Test("open: malformed addresses are refused where they go wrong")
    func openErrors() {
        let result = compile(
            """
            steps:
              - open: "::1:25"
              - open: "[::1]x"
              - open: mail.example.com:70000
              - open: {host: mail.example.com, port: "0"}
            """
        )
        #expect(
            errorLines(result) == [
                "'::1:25' looks like an IPv6 address without brackets @ 2:12",
                "expected ':port' after ']' in '[::1]x' @ 3:17",
                "'70000' is not a port number @ 4:28", "'0' is not a port number @ 5:43",
            ]
        )
    }

    @Test("greetings, simple commands and send")
    func commands() throws {
        let compiled = try steps(
            """
            steps:
              - ehlo: contoso.com
              - helo: "[192.0.2.1]"
              - lhlo: lmtp.example
              - rset
              - noop
              - help: MAIL
              - vrfy: postmaster
              - expn: staff
              - send: XFOO bar
                expect: 500
              - quit
            """
        )
        #expect(
            compiled.map { wire($0) ?? "-" } == [
                "EHLO contoso.com", "HELO [192.0.2.1]", "LHLO lmtp.example", "RSET", "NOOP", "HELP MAIL",
                "VRFY postmaster", "EXPN staff", "XFOO bar", "QUIT",
            ]
        )
        #expect(
            compiled.map(\.expectation.source) == [
                "250", "250", "250", "250", "250", "211 | 214", "250 | 251 | 252", "250 | 251 | 252", "500", "221",
            ]
        )
    }

    @Test("mail-from with every parameter, and the null reverse-path")
    func mailFrom() throws {
        let compiled = try steps(
            """
            steps:
              - mail-from: chris@contoso.com
              - mail-from: ""
              - mail-from: {address: chris@contoso.com, size: 1024, body: 8bitmime, ret: hdrs, envid: "QQ+1 x", smtputf8: true}
            """
        )
        #expect(
            compiled.map { wire($0) ?? "-" } == [
                "MAIL FROM:<chris@contoso.com>", "MAIL FROM:<>",
                "MAIL FROM:<chris@contoso.com> SIZE=1024 BODY=8BITMIME RET=HDRS ENVID=QQ+2B1+20x SMTPUTF8",
            ]
        )
    }

    @Test("rcpt with NOTIFY beside the verb or inside it, and ORCPT")
    func rcpt() throws {
        let compiled = try steps(
            """
            steps:
              - rcpt: kate@fabrikam.com
                notify: [success, failure]
              - rcpt: {address: kate@fabrikam.com, notify: never, orcpt: "rfc822;kate+x@fabrikam.com"}
              - rcpt: {address: a@b.example, notify: "Success,Delay", orcpt: a@b.example}
              - rcpt: Postmaster
            """
        )
        #expect(
            compiled.map { wire($0) ?? "-" } == [
                "RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE",
                "RCPT TO:<kate@fabrikam.com> NOTIFY=NEVER ORCPT=rfc822;kate+2Bx@fabrikam.com",
                "RCPT TO:<a@b.example> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;a@b.example", "RCPT TO:<Postmaster>",
            ]
        )
        #expect(compiled[0].expectation.source == "250 | 251")
    }

    @Test("data: raw text is sent with CRLF line ends and dot-stuffing, ending with a dot")
    func rawData() throws {
        let compiled = try steps(
            """
            steps:
              - data: |
                  Subject: x

                  .hidden
                  line
            """
        )
        #expect(compiled[0].displayLines().map(\.text) == ["DATA", "Subject: x", "", "..hidden", "line", "."])
        guard case .data(let data) = compiled[0].action else {
            Issue.record("not data")
            return
        }
        #expect(data.message.wire() == "Subject: x\r\n\r\n.hidden\r\nline")
        #expect(data.initiationTimeout == .seconds(120))
        #expect(compiled[0].timeout == .seconds(600))
    }

    @Test("data: the map form adds Date, Message-ID, From and To unless given")
    func mapData() throws {
        let compiled = try steps(
            """
            steps:
              - mail-from: chris@contoso.com
              - rcpt: kate@fabrikam.com
              - data:
                  subject: Test from Contoso
                  headers: {X-Test: "1"}
                  body: This is a test message
            """
        )
        let lines = compiled[2].displayLines(captures: ["case.number": "0"]).map(\.text)
        #expect(lines.first == "DATA")
        #expect(lines.contains { $0.hasPrefix("Date: ") })
        #expect(lines.contains("Message-ID: <smtpspec.fixed.0.1@contoso.com>"))
        #expect(lines.contains("From: <chris@contoso.com>"))
        #expect(lines.contains("To: <kate@fabrikam.com>"))
        #expect(lines.contains("Subject: Test from Contoso"))
        #expect(lines.contains("X-Test: 1"))
        #expect(Array(lines.suffix(3)) == ["", "This is a test message", "."])
    }

    @Test("bdat, starttls, auth, pipeline and sleep")
    func others() throws {
        let compiled = try steps(
            """
            steps:
              - bdat: {chunks: ["Subject: a\\r\\n\\r\\n", "body\\r\\n"]}
              - starttls: {verify: false, server-name: mx.example}
              - auth: {mechanism: login, username: u, password: hunter2}
              - pipeline:
                  - mail-from: a@b.example
                  - rcpt: c@d.example
                  - data: "x"
                force: true
              - sleep: 500ms
            """
        )
        #expect(compiled[0].displayLines().map(\.text) == ["BDAT 14", "Subject: a", "", "BDAT 6 LAST", "body"])
        guard case .starttls(let tls) = compiled[1].action else { throw CompileFailed(rendered: "no starttls") }
        #expect(tls.verify == false && tls.serverName == "mx.example")
        #expect(compiled[2].displayLines().map(\.text) == ["AUTH LOGIN", "******", "******"])
        #expect(compiled[2].expectation.source == "235")
        guard case .pipeline(let group) = compiled[3].action else { throw CompileFailed(rendered: "no pipeline") }
        #expect(group.force)
        #expect(group.steps.map(\.verb) == [.mailFrom, .rcpt, .data])
        guard case .sleep(let duration) = compiled[4].action else { throw CompileFailed(rendered: "no sleep") }
        #expect(duration == .milliseconds(500))
    }

    @Test("expectation forms: string, list, map with text, capabilities, lacks and tls")
    func expectations() throws {
        let compiled = try steps(
            """
            steps:
              - open: {host: localhost, port: 465, tls: implicit}
                expect: {tls: {valid-days: ">= 14", version: "1.2", san: localhost}}
              - ehlo: contoso.com
                expect:
                  reply: 250
                  capabilities: [PIPELINING, AUTH PLAIN, "SIZE >= ${min_size:-10485760}"]
                  lacks: [STARTTLS]
              - mail-from: a@b.example
                expect: [250, 251]
              - rcpt: c@d.example
                expect: "550 5.1.1 | 5.7.x"
              - data: x
                expect: {text: 'queued as [A-Z0-9]+'}
                capture: {queue_id: 'queued as ([A-Z0-9]+)'}
            """
        )
        let tls = try #require(compiled[0].expectation.tls)
        #expect(tls.validDays == Comparison(.greaterOrEqual, 14))
        #expect(tls.minimumVersion == "1.2")
        #expect(
            compiled[1].expectation.capabilities.map(\.description) == [
                "PIPELINING", "AUTH PLAIN", "SIZE >= 10485760",
            ]
        )
        #expect(compiled[1].expectation.lacks == ["STARTTLS"])
        #expect(compiled[2].expectation.replies.map(\.description) == ["250", "251"])
        #expect(compiled[3].expectation.replies.map(\.description) == ["550 5.1.1", "5.7.x"])
        #expect(compiled[3].expectation.expectsSuccess == false)
        #expect(compiled[4].expectation.text == "queued as [A-Z0-9]+")
        #expect(compiled[4].expectation.replies.map(\.description) == ["250"])
        #expect(compiled[4].captures.map(\.name) == ["queue_id"])
    }

    @Test("timeouts: RFC 5321 defaults, the scenario's default, and the step's own")
    func timeouts() throws {
        let defaults = try steps("steps:\n  - open: a.example\n  - mail-from: a@b.example\n  - data: x\n")
        #expect(defaults.map(\.timeout) == [.seconds(300), .seconds(300), .seconds(600)])
        let scenario = try steps("timeout: 10s\nsteps:\n  - open: a.example\n  - data: x\n    timeout: 1m\n")
        #expect(scenario.map(\.timeout) == [.seconds(10), .seconds(60)])
        guard case .data(let data) = scenario[1].action else { return }
        #expect(data.initiationTimeout == .seconds(60))
    }
}
