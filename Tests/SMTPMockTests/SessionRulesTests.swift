import Foundation
import SMTPCore
import Testing

@testable import SMTPMock

/// Order, syntax, limits and persona rules in the session state machine, without any network.
@Suite struct SessionRulesTests {
    private func greeted(_ persona: Persona) -> SessionDriver {
        var driver = SessionDriver(persona)
        _ = driver.start()
        driver.command("EHLO client.example")
        return driver
    }

    @Test func commandsOutOfOrderGet503() throws {
        var driver = SessionDriver(try Persona.builtin(named: "postfix"))
        _ = driver.start()
        #expect(driver.command("MAIL FROM:<a@example.org>") == ["503 5.5.1 Error: send HELO/EHLO first"])
        #expect(driver.command("RCPT TO:<kate@example.net>") == ["503 5.5.1 Error: need MAIL command"])
        driver.command("EHLO client.example")
        #expect(driver.command("DATA") == ["503 5.5.1 Error: need MAIL command"])
        driver.command("MAIL FROM:<a@example.org>")
        #expect(driver.command("MAIL FROM:<a@example.org>") == ["503 5.5.1 Error: nested MAIL command"])
        #expect(driver.command("DATA") == ["503 5.5.1 Error: need RCPT command"])
        #expect(
            driver.command("RCPT TO:<bob@elsewhere.example>") == [
                "554 5.7.1 <bob@elsewhere.example>: Relay access denied"
            ]
        )
        #expect(driver.command("DATA") == ["554 5.5.1 Error: no valid recipients"])
    }

    @Test func syntaxErrorsGet501AndUnknownCommands500() throws {
        var driver = greeted(try Persona.builtin(named: "postfix"))
        #expect(driver.command("MAIL TO:<a@example.org>") == ["501 5.5.4 Syntax: MAIL FROM:<address>"])
        #expect(driver.command("FOO") == ["500 5.5.2 Error: command not recognized"])
        #expect(driver.command("RSET now") == ["501 5.5.4 Syntax: RSET"])
        #expect(driver.command("EXPN staff") == ["502 5.5.1 Error: command not implemented"])
        #expect(driver.command("NOOP") == ["250 2.0.0 Ok"])
    }

    @Test func postfixUnknownUserAndParameters() throws {
        var driver = greeted(try Persona.builtin(named: "postfix"))
        #expect(
            driver.command("MAIL FROM:<a@example.org> SIZE=100 BODY=8BITMIME RET=HDRS ENVID=x+2By") == ["250 2.1.0 Ok"]
        )
        #expect(
            driver.command("RCPT TO:<nobody@example.net>") == [
                "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in local recipient table"
            ]
        )
        #expect(
            driver.command("RCPT TO:<kate@example.net> NOTIFY=BOGUS") == [
                "501 5.5.4 Error: Bad NOTIFY parameter syntax"
            ]
        )
        #expect(
            driver.command("RCPT TO:<kate@example.net> NOTIFY=NEVER,SUCCESS") == [
                "501 5.5.4 Error: Bad NOTIFY parameter syntax"
            ]
        )
        #expect(driver.command("RCPT TO:<kate@example.net> XFOO=1") == ["555 5.5.4 Unsupported option: XFOO"])
        #expect(
            driver.command("RCPT TO:<kate@example.net> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;kate@example.net") == [
                "250 2.1.5 Ok"
            ]
        )
    }

    @Test func parametersAreReadBySMTPCoreAndOfferedByThePersona() throws {
        var driver = greeted(try Persona.builtin(named: "postfix"))
        let refusals: [(String, String)] = [
            ("MAIL FROM:<a@example.org> SIZE=+5", "501 5.5.4 Syntax: MAIL FROM:<address> SIZE=<octets>"),
            ("MAIL FROM:<a@example.org> SMTPUTF8=yes", "501 5.5.4 Syntax: MAIL FROM:<address> SMTPUTF8 (no value)"),
            ("MAIL FROM:<a@example.org> RET=ALL", "501 5.5.4 Error: Bad RET parameter syntax"),
            ("MAIL FROM:<a@example.org> RET=FULL RET=HDRS", "501 5.5.4 Error: Bad RET parameter syntax"),
            (
                "MAIL FROM:<a@example.org> ENVID=" + String(repeating: "x", count: 101),
                "501 5.5.4 Error: Bad ENVID parameter syntax"
            ),
            ("MAIL FROM:<a@example.org> BODY=BINARYMIME", "555 5.5.4 Unsupported option: BODY=BINARYMIME"),
            ("MAIL FROM:<a@example.org> REQUIRETLS", "555 5.5.4 Unsupported option: REQUIRETLS"),
            ("MAIL FROM:<a@example.org> A=b=c", "501 5.5.4 Syntax: MAIL FROM:<address>"),
        ]
        for (line, reply) in refusals {
            #expect(driver.command(line) == [reply], "\(line)")
        }
        #expect(driver.command("MAIL FROM:<a@example.org> BODY=7BIT ENVID=a+2Bb") == ["250 2.1.0 Ok"])
        #expect(
            driver.command("RCPT TO:<kate@example.net> ORCPT=rfc822;kate@example.net ORCPT=rfc822;x@example.net") == [
                "501 5.5.4 Error: Bad ORCPT parameter syntax"
            ]
        )
        #expect(
            driver.command("RCPT TO:<kate@example.net> ORCPT=nosemicolon") == [
                "501 5.5.4 Error: Bad ORCPT parameter syntax"
            ]
        )
    }

    @Test func dsnParametersNeedDSNOffered() throws {
        var persona = Persona(name: "no-dsn")
        persona.capabilities = ["SIZE 1000", "8BITMIME"]
        var driver = greeted(persona)
        #expect(driver.command("MAIL FROM:<a@example.org> RET=HDRS") == ["555 5.5.4 Unsupported option: RET"])
        #expect(driver.command("MAIL FROM:<a@example.org> SMTPUTF8") == ["555 5.5.4 Unsupported option: SMTPUTF8"])
        #expect(driver.command("MAIL FROM:<a@example.org> BODY=8BITMIME") == ["250 2.1.0 Sender OK"])
        #expect(driver.command("RCPT TO:<b@example.org> NOTIFY=NEVER") == ["555 5.5.4 Unsupported option: NOTIFY"])
    }

    @Test func sizeLimitAtMailAndAfterData() throws {
        var persona = Persona(name: "small", sizeLimit: 100)
        persona.capabilities = ["SIZE 100", "PIPELINING"]
        var driver = greeted(persona)
        #expect(driver.command("MAIL FROM:<a@example.org> SIZE=101").first?.hasPrefix("552 5.3.4") == true)
        driver.command("MAIL FROM:<a@example.org>")
        driver.command("RCPT TO:<b@example.org>")
        driver.command("DATA")
        let body = String(repeating: "x", count: 98) + "\r\n" + "y\r\n"
        #expect(driver.send(body + ".\r\n").first?.hasPrefix("552 5.3.4") == true)
        #expect(driver.delivered.isEmpty)
        #expect(driver.command("NOOP") == ["250 2.0.0 Ok"])
    }

    @Test func overlongCommandLineGets500AndTheSessionGoesOn() throws {
        var driver = greeted(Persona(name: "plain"))
        let long = "NOOP " + String(repeating: "a", count: 10_000)
        #expect(driver.command(long) == ["500 5.5.2 Line too long"])
        #expect(driver.command("NOOP") == ["250 2.0.0 Ok"])
    }

    @Test func textLineOver1000OctetsIsRefused() throws {
        var driver = greeted(Persona(name: "plain"))
        driver.command("MAIL FROM:<a@example.org>")
        driver.command("RCPT TO:<b@example.org>")
        driver.command("DATA")
        #expect(driver.send(String(repeating: "z", count: 999) + "\r\n.\r\n") == ["500 5.5.2 Line too long"])
        driver.command("MAIL FROM:<a@example.org>")
        driver.command("RCPT TO:<b@example.org>")
        driver.command("DATA")
        #expect(driver.send(String(repeating: "z", count: 998) + "\r\n.\r\n").first?.hasPrefix("250 ") == true)
    }

    @Test func smugglingSequencesNeverEndTheData() throws {
        var driver = greeted(Persona(name: "plain"))
        driver.command("MAIL FROM:<a@example.org>")
        driver.command("RCPT TO:<b@example.org>")
        driver.command("DATA")
        let content = "Subject: s\r\n\r\none\n.\ntwo\n.\r\nthree\r.\rMAIL FROM:<evil@example.org>\r\n..dot\r\n"
        let replies = driver.send(content + ".\r\n")
        #expect(replies.count == 1)
        #expect(driver.delivered.count == 1)
        #expect(driver.delivered.first?.text == content.replacingOccurrences(of: "\r\n..dot", with: "\r\n.dot"))
    }

    @Test func bdatChunksMakeOneMessageAndDataAfterBDATIs503() throws {
        var driver = greeted(Persona(name: "plain"))
        driver.command("MAIL FROM:<a@example.org>")
        driver.command("RCPT TO:<b@example.org>")
        #expect(driver.send("BDAT 5\r\nhello") == ["250 2.0.0 5 octets received"])
        #expect(driver.command("DATA") == ["503 5.5.1 Bad sequence of commands"])
        let replies = driver.send("BDAT 10 LAST\r\n\r\n.\r\nbye\r\nNOOP\r\n")
        #expect(replies.count == 2)
        #expect(replies.last == "250 2.0.0 Ok")
        #expect(driver.delivered.first?.content == Array("hello\r\n.\r\nbye\r\n".utf8))
    }

    @Test func pipelinedCommandsGetTheirRepliesInOrder() throws {
        var driver = greeted(try Persona.builtin(named: "postfix"))
        let replies = driver.send(
            "MAIL FROM:<a@example.org>\r\nRCPT TO:<kate@example.net>\r\nRCPT TO:<x@example.net>\r\nDATA\r\n"
        )
        #expect(replies.count == 4)
        #expect(replies.first == "250 2.1.0 Ok")
        #expect(replies.last == "354 End data with <CR><LF>.<CR><LF>")
    }

    @Test func startTLSDiscardsWhatWasPipelinedAfterIt() throws {
        var driver = greeted(try Persona.builtin(named: "postfix"))
        #expect(driver.send("STARTTLS\r\nMAIL FROM:<evil@example.org>\r\n") == ["220 2.0.0 Ready to start TLS"])
        #expect(driver.sawStartTLS)
        #expect(driver.send("RCPT TO:<kate@example.net>\r\n").isEmpty)
        driver.session.tlsEstablished()
        #expect(driver.session.isTLSActive)
        #expect(driver.command("MAIL FROM:<a@example.org>") == ["503 5.5.1 Error: send HELO/EHLO first"])
        let ehlo = driver.command("EHLO client.example")
        #expect(ehlo.contains("250-AUTH PLAIN LOGIN"))
        #expect(!ehlo.contains { $0.contains("STARTTLS") })
        #expect(driver.command("STARTTLS") == ["554 5.5.1 Error: TLS already active"])
    }

    @Test func strictRequiresTLSThenAuth() throws {
        var driver = greeted(try Persona.builtin(named: "strict"))
        #expect(driver.command("MAIL FROM:<kate@example.net>") == ["530 5.7.0 Must issue a STARTTLS command first"])
        #expect(
            driver.command("AUTH PLAIN AGthdGUAU3RyaWN0LVBhNTU=") == ["503 5.5.1 Error: authentication not enabled"]
        )
        driver.command("STARTTLS")
        driver.session.tlsEstablished()
        driver.command("EHLO client.example")
        #expect(driver.command("MAIL FROM:<kate@example.net>") == ["530 5.7.0 Authentication required"])
        #expect(
            driver.command("AUTH PLAIN AGthdGUAd3Jvbmc=") == [
                "535 5.7.8 Error: authentication failed: authentication failure"
            ]
        )
        #expect(driver.command("AUTH PLAIN AGthdGUAU3RyaWN0LVBhNTU=") == ["235 2.7.0 Authentication successful"])
        #expect(driver.command("MAIL FROM:<kate@example.net>") == ["250 2.1.0 Ok"])
    }

    @Test func authLoginAsksForUsernameThenPassword() throws {
        var driver = greeted(try Persona.builtin(named: "postfix"))
        driver.command("STARTTLS")
        driver.session.tlsEstablished()
        driver.command("EHLO client.example")
        #expect(driver.command("AUTH LOGIN") == ["334 VXNlcm5hbWU6"])
        #expect(driver.command(Data("kate".utf8).base64EncodedString()) == ["334 UGFzc3dvcmQ6"])
        #expect(
            driver.command(Data("Postfix-Pa55".utf8).base64EncodedString()) == ["235 2.7.0 Authentication successful"]
        )
        #expect(driver.session.authenticatedUsername == "kate")
        #expect(driver.command("AUTH LOGIN") == ["503 5.5.1 Error: already authenticated"])
    }

    @Test func ruleAttemptAnswersOnlyTheNthMatch() throws {
        var persona = Persona(name: "rules")
        persona.rules = [
            PersonaRule(
                when: RuleCondition(command: "RCPT", argument: "busy@", attempt: 1),
                then: RuleAction(reply: ReplyTemplate(code: 452, text: "4.2.2 Mailbox full"))
            ),
            PersonaRule(when: RuleCondition(command: "NOOP"), then: RuleAction(disconnect: true)),
            PersonaRule(
                when: RuleCondition(command: "RSET"),
                then: RuleAction(reply: ReplyTemplate(code: 250, text: "2.0.0 Flushed"), delay: .milliseconds(20))
            ),
        ]
        var driver = greeted(persona)
        driver.command("MAIL FROM:<a@example.org>")
        #expect(driver.command("RCPT TO:<busy@example.org>") == ["452 4.2.2 Mailbox full"])
        #expect(driver.command("RCPT TO:<busy@example.org>") == ["250 2.1.5 Recipient OK"])
        #expect(driver.command("RSET") == ["250 2.0.0 Flushed"])
        #expect(driver.delays == [.milliseconds(20)])
        #expect(driver.command("NOOP").isEmpty)
        #expect(driver.sawClose)
        #expect(driver.session.isClosed)
    }

    @Test("placeholders are filled where they are known; unknown ones, a lone brace and other text stay as written")
    func placeholdersInRepliesAreFilled() throws {
        var persona = Persona(name: "braces")
        persona.hostname = "mx.example"
        persona.replies[.mailOK] = ReplyTemplate(code: 250, text: "2.1.0 <{address}> ok {nope} é{host}ü {helo}{")
        persona.replies[.rcptOK] = ReplyTemplate(code: 250, text: "2.1.5 {argument} {unclosed")
        persona.replies[.queued] = ReplyTemplate(code: 250, text: "2.0.0 Ok: queued as {queue-id} {}")
        var driver = greeted(persona)
        #expect(
            driver.command("MAIL FROM:<a@example.org>")
                == ["250 2.1.0 <a@example.org> ok {nope} émx.exampleü client.example{"]
        )
        #expect(driver.command("RCPT TO:<b@example.org>") == ["250 2.1.5 TO:<b@example.org> {unclosed"])
        driver.command("DATA")
        let queued = driver.send("Subject: x\r\n\r\nbody\r\n.\r\n")
        #expect(queued.count == 1)
        #expect(queued.first?.wholeMatch(of: #/250 2\.0\.0 Ok: queued as [0-9A-F]{10} \{\}/#) != nil, "\(queued)")
    }

    @Test("verbs and FROM: / TO: are read without case, and a verb with other letters is answered as unknown")
    func commandsAreCaseInsensitive() throws {
        var driver = SessionDriver(try Persona.builtin(named: "postfix"))
        _ = driver.start()
        #expect(driver.command("eHlO client.example").first?.hasPrefix("250-") == true)
        #expect(driver.command("mail from:<a@example.org>") == ["250 2.1.0 Ok"])
        #expect(driver.command("Rcpt To:<postmaster>") == ["250 2.1.5 Ok"])
        #expect(driver.command("rset") == ["250 2.0.0 Ok"])
        // A dotless i is not an I: Unicode's upper-casing made this QUIT, and the session ended.
        #expect(driver.command("quıt") == ["500 5.5.2 Error: command not recognized"])
        #expect(!driver.session.isClosed)
    }

    @Test func greylistingDefersTheFirstAttemptOfEachPair() throws {
        var persona = Persona(name: "grey")
        persona.greylisting = true
        let greylist = Greylist()
        var first = SessionDriver(persona, greylist: greylist)
        _ = first.start()
        first.command("EHLO client.example")
        first.command("MAIL FROM:<a@example.org>")
        #expect(first.command("RCPT TO:<b@example.org>") == ["451 4.7.1 Greylisted, please try again later"])
        var second = SessionDriver(persona, greylist: greylist)
        _ = second.start()
        second.command("EHLO client.example")
        second.command("MAIL FROM:<a@example.org>")
        #expect(second.command("RCPT TO:<b@example.org>") == ["250 2.1.5 Recipient OK"])
        #expect(second.command("RCPT TO:<c@example.org>") == ["451 4.7.1 Greylisted, please try again later"])
    }

    /// A persona whose CONNECT rule refuses service with 554: the session then takes only QUIT.
    private static var refusingService: Persona {
        var persona = Persona(name: "closed")
        persona.rules = [
            PersonaRule(
                when: RuleCondition(command: "CONNECT"),
                then: RuleAction(reply: ReplyTemplate(code: 554, text: "5.3.2 No SMTP service here"))
            )
        ]
        return persona
    }

    @Test func connectRuleRefusesServiceUntilQuit() throws {
        var driver = SessionDriver(Self.refusingService)
        #expect(driver.start() == ["554 5.3.2 No SMTP service here"])
        #expect(driver.command("EHLO client.example") == ["503 5.5.1 Bad sequence of commands"])
        #expect(driver.command("QUIT") == ["221 2.0.0 Service closing transmission channel"])
    }

    @Test func refusedServiceTakesQuitInAnyCaseAfterSpaces() throws {
        var driver = SessionDriver(Self.refusingService)
        _ = driver.start()
        #expect(driver.command("QUITE") == ["503 5.5.1 Bad sequence of commands"])
        #expect(driver.command("  quit now") == ["221 2.0.0 Service closing transmission channel"])
        #expect(driver.session.isClosed)
    }

    @Test func idleTimeoutSays421AndCloses() throws {
        var driver = SessionDriver(try Persona.builtin(named: "postfix"))
        _ = driver.start()
        let actions = driver.session.idleTimeout()
        #expect(actions.replies.flatMap(\.encodedLines) == ["421 4.4.2 mail.example.net Error: timeout exceeded"])
        #expect(actions.last == .close)
    }
}
