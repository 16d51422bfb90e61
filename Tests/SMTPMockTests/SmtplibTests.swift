import Foundation
import SMTPMock
import Testing

/// Python's smtplib, a real SMTP client, sends through each built-in persona.
@Suite struct SmtplibTests {
    /// Sends `message` (given as bytes, so smtplib only dot-stuffs it) and prints the sendmail result.
    static let script = #"""
        import smtplib, ssl, sys, json
        port, mode, sender, rcpt, user, password = sys.argv[1:7]
        mail_options = json.loads(sys.argv[7]); rcpt_options = json.loads(sys.argv[8])
        body = sys.argv[9].encode("utf-8")
        s = smtplib.SMTP("127.0.0.1", int(port), local_hostname="client.example", timeout=30)
        s.ehlo()
        if "tls" in mode:
            context = ssl.create_default_context(); context.check_hostname = False; context.verify_mode = ssl.CERT_NONE
            s.starttls(context=context); s.ehlo()
        if "auth-login" in mode:
            s.login(user, password, initial_response_ok=False)
        elif "auth" in mode:
            s.login(user, password)
        refused = s.sendmail(sender, [rcpt], body, mail_options=mail_options, rcpt_options=rcpt_options)
        print(json.dumps({"refused": refused}))
        s.quit()
        """#

    static let body = "Subject: from smtplib\r\n\r\nHello.\r\n.A line with a leading dot\r\n\r\nBye.\r\n"

    private func send(
        persona: String,
        mode: String = "plain",
        from: String,
        to: String,
        user: String = "",
        password: String = "",
        mailOptions: [String] = [],
        rcptOptions: [String] = []
    ) async throws -> (ExternalClient.Output, [ReceivedMessage], [[UInt8]]) {
        let maildir = try ExternalClient.temporaryDirectory("smtplib")
        let configuration = MockServerConfiguration(maildir: maildir)
        let encode = { (list: [String]) in String(decoding: try JSONEncoder().encode(list), as: UTF8.self) }
        return try await withMockServer(persona: try Persona.builtin(named: persona), configuration: configuration) {
            server in
            let output = try await ExternalClient.runPython(
                Self.script,
                [
                    String(server.address.port), mode, from, to, user, password, try encode(mailOptions),
                    try encode(rcptOptions), Self.body,
                ]
            )
            return (output, server.receivedMessages, try ExternalClient.maildirMessages(maildir))
        }
    }

    @Test func plainSessionThroughExchange() async throws {
        let (output, messages, maildir) = try await send(
            persona: "exchange",
            from: "chris@contoso.com",
            to: "kate@fabrikam.com"
        )
        #expect(output.status == 0, "\(output.stderr)")
        #expect(messages.first?.content == Array(Self.body.utf8))
        #expect(maildir == [Array(Self.body.utf8)])
    }

    @Test("the sink persona takes any sender and recipient in any domain, and offers no DSN")
    func sinkTakesEverything() async throws {
        for (from, to) in [("chris@contoso.com", "kate@relay.example"), ("", "nobody@nowhere.invalid")] {
            let (output, messages, maildir) = try await send(persona: "sink", from: from, to: to)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("\"refused\": {}"), "\(output.stdout)")
            #expect(messages.first?.recipients.map(\.forwardPath) == [to])
            #expect(maildir == [Array(Self.body.utf8)])
        }
        // Without DSN offered, a client that asks for notification is refused NOTIFY, as by any server
        // that does not offer it.
        let (refused, _, _) = try await send(
            persona: "sink",
            from: "chris@contoso.com",
            to: "kate@relay.example",
            rcptOptions: ["NOTIFY=SUCCESS"]
        )
        #expect(refused.status != 0)
    }

    @Test func dsnParametersArriveWithTheEnvelope() async throws {
        let (output, messages, maildir) = try await send(
            persona: "exchange",
            from: "chris@contoso.com",
            to: "kate@fabrikam.com",
            mailOptions: ["RET=HDRS", "ENVID=QQ314159", "BODY=8BITMIME"],
            rcptOptions: ["NOTIFY=SUCCESS,FAILURE", "ORCPT=rfc822;kate@fabrikam.com"]
        )
        #expect(output.status == 0, "\(output.stderr)")
        let message = try #require(messages.first)
        // smtplib puts its own SIZE first, since the persona offers SIZE.
        #expect(
            message.mailParameters == ["size=\(Self.body.utf8.count)", "RET=HDRS", "ENVID=QQ314159", "BODY=8BITMIME"]
        )
        #expect(message.recipients.first?.parameters == ["NOTIFY=SUCCESS,FAILURE", "ORCPT=rfc822;kate@fabrikam.com"])
        #expect(message.content == Array(Self.body.utf8))
        #expect(maildir == [Array(Self.body.utf8)])
    }

    @Test func badNotifyIsRefusedWith501() async throws {
        let (output, messages, _) = try await send(
            persona: "postfix",
            from: "a@example.org",
            to: "kate@example.net",
            rcptOptions: ["NOTIFY=SOMETIMES"]
        )
        #expect(output.status != 0)
        #expect(output.stderr.contains("501"), "\(output.stderr)")
        #expect(output.stderr.contains("Bad NOTIFY parameter syntax"))
        #expect(messages.isEmpty)
    }

    @Test func startTLSAndAuthLoginThroughPostfix() async throws {
        let (output, messages, maildir) = try await send(
            persona: "postfix",
            mode: "tls auth-login",
            from: "kate@example.net",
            to: "kate@example.net",
            user: "kate",
            password: "Postfix-Pa55"
        )
        #expect(output.status == 0, "\(output.stderr)")
        #expect(messages.first?.authenticatedUser == "kate")
        #expect(messages.first?.tls == true)
        #expect(maildir == [Array(Self.body.utf8)])
    }

    @Test func startTLSAndAuthPlainThroughStrict() async throws {
        let (output, messages, maildir) = try await send(
            persona: "strict",
            mode: "tls auth",
            from: "kate@example.net",
            to: "kate@example.net",
            user: "kate",
            password: "Strict-Pa55"
        )
        #expect(output.status == 0, "\(output.stderr)")
        #expect(messages.first?.authenticatedUser == "kate")
        #expect(maildir == [Array(Self.body.utf8)])
    }

    @Test func wrongPasswordIsRefused() async throws {
        let (output, messages, _) = try await send(
            persona: "strict",
            mode: "tls auth",
            from: "kate@example.net",
            to: "kate@example.net",
            user: "kate",
            password: "wrong"
        )
        #expect(output.status != 0)
        #expect(output.stderr.contains("535"))
        #expect(messages.isEmpty)
    }
}
