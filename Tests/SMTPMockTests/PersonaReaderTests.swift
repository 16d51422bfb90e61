import SMTPYAML
import Testing

@testable import SMTPMock

/// Reading `*.persona.yaml`: the built-ins, inheritance, and located diagnostics for mistakes.
@Suite struct PersonaReaderTests {
    private func diagnostic(_ text: String) throws -> Diagnostic {
        let source = SourceFile(path: "bad.persona.yaml", text: text)
        do {
            _ = try Persona.parse(source)
        } catch {
            return error
        }
        Issue.record("the persona was accepted")
        throw PersonaAccepted()
    }

    private struct PersonaAccepted: Error {}

    @Test(arguments: ["exchange", "exchange-auth", "greylisting", "postfix", "sink", "strict"])
    func builtinPersonasLoad(name: String) throws {
        let persona = try Persona.builtin(named: name)
        #expect(persona.name == name)
        #expect(Persona.builtinNames.contains(name))
    }

    @Test func exchangeHasTheSeedsSettings() throws {
        let persona = try Persona.builtin(named: "exchange")
        #expect(persona.hostname == "mail1.fabrikam.com")
        #expect(persona.sizeLimit == 37_748_736)
        #expect(persona.capabilities.first == "SIZE 37748736")
        #expect(persona.capabilities.last == "XRDST")
        #expect(persona.mailboxes.contains("kate@fabrikam.com"))
        #expect(persona.senderDomains.contains("contoso.com"))
        #expect(persona.replies[.unknownUser].description == "550 5.1.1 User unknown")
        #expect(!persona.auth.required)
    }

    @Test func extendsInheritsAndOverrides() throws {
        let persona = try Persona.builtin(named: "exchange-auth")
        #expect(persona.auth.required)
        #expect(persona.hostname == "mail1.fabrikam.com")
        #expect(persona.replies[.authRequired].description == "530 5.7.1 Client was not authenticated")
        let strict = try Persona.builtin(named: "strict")
        #expect(strict.tls.required && strict.auth.required)
        #expect(strict.banner.description == "220 {host} ESMTP Postfix")
    }

    @Test func fullPersonaFileIsRead() throws {
        let text = """
            name: team
            hostname: mx.team.test
            banner: "220 {host} ready"
            capabilities: [PIPELINING, SIZE 1000]
            mailboxes: [a@team.test]
            domains: [team.test]
            relay: false
            size-limit: 1000
            greylisting: true
            auth:
              required: true
              users:
                - {username: a, password: b}
            rules:
              - when: {command: rcpt, argument: "^TO:<slow@", attempt: 2, after-tls: false}
                reply: "451 4.3.0 Try later"
                delay: 250ms
              - when: {command: QUIT}
                disconnect: true
            replies:
              unknown-user: "550 5.1.1 <{address}> no such user"
            """
        let persona = try Persona.parse(SourceFile(path: "team.persona.yaml", text: text))
        #expect(persona.hostname == "mx.team.test")
        #expect(persona.sizeLimit == 1000)
        #expect(persona.greylisting)
        #expect(persona.auth.users == [PersonaUser(username: "a", password: "b")])
        #expect(persona.rules.count == 2)
        #expect(
            persona.rules[0].condition
                == RuleCondition(command: "RCPT", argument: "^TO:<slow@", attempt: 2, afterTLS: false)
        )
        #expect(persona.rules[0].action.delay == .milliseconds(250))
        #expect(persona.rules[1].action.disconnect)
        #expect(persona.replies[.unknownUser].description == "550 5.1.1 <{address}> no such user")
    }

    @Test func unknownKeyIsReportedAtItsPlaceWithASuggestion() throws {
        let error = try diagnostic("name: x\nhostnme: mx.test\n")
        #expect(error.location == SourceLocation(file: "bad.persona.yaml", line: 2, column: 1))
        #expect(error.message == "unknown key 'hostnme' in a persona")
        #expect(error.note == "did you mean 'hostname'?")
    }

    @Test func badReplyCodeIsReportedAtTheValue() throws {
        let error = try diagnostic("name: x\nreplies:\n  unknown-user: \"User unknown\"\n")
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 17)
        #expect(error.message.contains("must start with a reply code"))
    }

    @Test func badRuleIsReportedAtTheCommand() throws {
        let error = try diagnostic("name: x\nrules:\n  - when: {command: RCTP}\n    reply: \"550 no\"\n")
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 21)
        #expect(error.note == "did you mean 'RCPT'?")
    }

    @Test func badRegexAndDelayAreReported() throws {
        let regex = try diagnostic(
            "name: x\nrules:\n  - when: {command: RCPT, argument: \"(\"}\n    reply: \"550 no\"\n"
        )
        #expect(regex.message == "'argument' is not a valid regular expression")
        #expect(regex.location?.line == 3)
        let delay = try diagnostic("name: x\nrules:\n  - when: {command: DATA}\n    delay: soon\n")
        #expect(delay.location?.line == 4)
        #expect(delay.message.contains("'delay' must be a duration"))
    }

    @Test func unknownBaseAndMissingRuleActionAreReported() throws {
        let base = try diagnostic("name: x\nextends: exchnage\n")
        #expect(base.note == "did you mean 'exchange'?")
        #expect(base.location?.line == 2)
        let action = try diagnostic("name: x\nrules:\n  - when: {command: DATA}\n")
        #expect(action.message == "a rule needs 'reply', 'disconnect' or 'delay'")
        #expect(action.location?.line == 3)
    }

    @Test func renderedDiagnosticQuotesTheLine() throws {
        let text = "name: x\nsize-limit: lots\n"
        let error = try diagnostic(text)
        let rendered = error.rendered(source: SourceFile(path: "bad.persona.yaml", text: text))
        #expect(rendered.contains("--> bad.persona.yaml:2:13"))
        #expect(rendered.contains("2 | size-limit: lots"))
    }

    @Test func unknownBuiltinNameIsADiagnostic() {
        #expect(throws: Diagnostic.self) { try Persona.builtin(named: "sendmail") }
    }
}
