import SMTPCore
import Testing

@Suite struct SMTPCommandTests {
    static let mailbox = Mailbox(localPart: "chris", domain: "contoso.com")
    static let kate = Mailbox(localPart: "kate", domain: "fabrikam.com")

    static let commands: [SMTPCommand] = [
        .ehlo("contoso.com"), .helo("[192.0.2.1]"), .lhlo("lmtp.example"),
        .mail(reversePath: .mailbox(mailbox), parameters: []),
        .mail(reversePath: .null, parameters: [.size(1000), .body(.eightBitMIME), .ret(.headers), .envid("a+b=c")]),
        .mail(reversePath: .mailbox(mailbox), parameters: [.smtputf8, .auth(nil)]),
        .rcpt(forwardPath: .mailbox(kate), parameters: [.notify(.conditions([.success, .failure]))]),
        .rcpt(
            forwardPath: .mailbox(kate),
            parameters: [.notify(.never), .orcpt(DSNOriginalRecipient(address: "kate@fabrikam.com"))]
        ),
        .rcpt(forwardPath: .postmaster, parameters: []),
        .data, .bdat(size: 1024, last: false), .bdat(size: 0, last: true), .rset, .noop(nil), .noop("hi"),
        .help(nil), .help("MAIL"), .quit, .vrfy("root"), .expn("staff"), .starttls,
        .auth(mechanism: "PLAIN", initialResponse: "AGEAYg=="), .auth(mechanism: "LOGIN", initialResponse: nil),
        .unknown(verb: "XCLIENT", line: "XCLIENT NAME=x"),
    ]

    @Test(arguments: commands)
    func encodeThenParseRoundTrips(command: SMTPCommand) throws {
        #expect(try SMTPCommand.parse(command.line).get() == command)
        #expect(command.encoded.suffix(2) == [13, 10])
    }

    @Test func encodesTheSeedCommands() {
        #expect(
            SMTPCommand.rcpt(
                forwardPath: .mailbox(Self.kate),
                parameters: [.notify(.conditions([.failure, .success]))]
            )
            .line == "RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE"
        )
        #expect(SMTPCommand.mail(reversePath: .null, parameters: []).line == "MAIL FROM:<>")
        #expect(SMTPCommand.bdat(size: 12, last: true).line == "BDAT 12 LAST")
    }

    @Test func verbsAreCaseInsensitive() throws {
        #expect(try SMTPCommand.parse("ehlo x").get() == .ehlo("x"))
        #expect(CommandKind(try SMTPCommand.parse("mail from:<chris@contoso.com>").get()) == .mail)
        #expect(try SMTPCommand.parse("QuIt").get() == .quit)
        #expect(try SMTPCommand.parse("bdat 5 last").get() == .bdat(size: 5, last: true))
    }

    @Test func liberalLikePostfixButStrictOnRequest() throws {
        let spaced = "MAIL FROM: <chris@contoso.com>"
        #expect(try SMTPCommand.parse(spaced).get() == .mail(reversePath: .mailbox(Self.mailbox), parameters: []))
        #expect(try SMTPCommand.parse("MAIL FROM:chris@contoso.com").get().line == "MAIL FROM:<chris@contoso.com>")
        #expect((try? SMTPCommand.parse(spaced, options: .strict).get()) == nil)
        #expect((try? SMTPCommand.parse("MAIL FROM:chris@contoso.com", options: .strict).get()) == nil)
    }

    @Test func sourceRoutesAreAcceptedAndIgnored() throws {
        let command = try SMTPCommand.parse("RCPT TO:<@relay.example,@b.example:kate@fabrikam.com>").get()
        #expect(command == .rcpt(forwardPath: .mailbox(Self.kate), parameters: []))
    }

    @Test func quotedLocalPartsMayContainAngleBrackets() throws {
        let command = try SMTPCommand.parse("MAIL FROM:<\"a>b\"@example.com> SIZE=10").get()
        #expect(command.line == "MAIL FROM:<\"a>b\"@example.com> SIZE=10")
    }

    @Test(arguments: [
        ("MAIL FROM:<bad address@x>", CommandSyntaxError.Kind.badSenderAddress),
        ("RCPT TO:<>", .badRecipientAddress),
        ("RCPT TO:<kate@>", .badRecipientAddress),
        ("MAIL TO:<a@b>", .syntaxError),
        ("MAIL FROM:<a@b", .syntaxError),
        ("MAIL FROM:<a@b> =bad", .badParameter),
        ("MAIL FROM:<a@b> SIZE=", .badParameter),
        ("EHLO", .syntaxError),
        ("DATA now", .syntaxError),
        ("QUIT please", .syntaxError),
        ("STARTTLS x", .syntaxError),
        ("BDAT", .syntaxError),
        ("BDAT x", .syntaxError),
        ("BDAT 99999999999999999999999", .syntaxError),
        ("BDAT 5 FIRST", .syntaxError),
        ("AUTH", .syntaxError),
        ("VRFY", .syntaxError),
        ("", .unrecognizedCommand),
        ("   ", .unrecognizedCommand),
    ])
    func badSyntaxGetsA5xxError(line: String, kind: CommandSyntaxError.Kind) {
        switch SMTPCommand.parse(line) {
        case .success(let command): Issue.record("\(line) parsed as \(command)")
        case .failure(let error):
            #expect(error.kind == kind, "\(line)")
            #expect(error.suggestedReply.code.replyClass == .permanentNegative)
        }
    }

    @Test func syntaxErrorsSuggestTheUsualReplies() {
        let sender = CommandSyntaxError(.badSenderAddress, "Bad sender address syntax")
        #expect(sender.suggestedReply.encodedLines == ["501 5.1.7 Bad sender address syntax"])
        #expect(CommandSyntaxError(.unrecognizedCommand, "x").suggestedReply.code == 500)
    }

    @Test func unknownVerbsKeepTheWholeLine() throws {
        #expect(try SMTPCommand.parse("FOO bar baz").get() == .unknown(verb: "FOO", line: "FOO bar baz"))
    }

    @Test func commandLineCheckCatchesInjectionAndLength() {
        #expect(CommandLineCheck.problems(in: "RCPT TO:<a@b>").isEmpty)
        #expect(
            CommandLineCheck.problems(in: "RCPT TO:<a@b>\r\nDATA")
                == [.forbidden(WireFenceViolation(slot: .commandLine, kind: .lineBreak, character: "\r", offset: 13))]
        )
        #expect(
            CommandLineCheck.problems(in: "VRFY a\0b")
                == [.forbidden(WireFenceViolation(slot: .commandLine, kind: .nul, character: "\0", offset: 6))]
        )
        #expect(CommandLineCheck.problems(in: String(repeating: "a", count: 510)).isEmpty)
        #expect(CommandLineCheck.problems(in: String(repeating: "a", count: 511)) == [.tooLong(octets: 513)])
    }
}
