import SMTPCore
import Testing

@Suite struct SMTPSessionStateTests {
    /// A session that got its greeting and a plain EHLO.
    static func ready() -> SMTPSessionState {
        var state = SMTPSessionState()
        _ = state.willSend(.open)
        state.didSucceed(.open)
        _ = state.willSend(.ehlo)
        state.didSucceed(.ehlo)
        return state
    }

    @Test func theSeedWalkthroughHasNoProblems() {
        var state = SMTPSessionState()
        #expect(state.phase == .notConnected)
        let steps: [(CommandKind, SMTPSessionState.Phase)] = [
            (.open, .greeted), (.ehlo, .ready), (.mail, .inTransaction), (.rcpt, .hasRecipients),
            (.rcpt, .hasRecipients), (.data, .ready), (.quit, .closed),
        ]
        for (kind, phase) in steps {
            #expect(state.willSend(kind) == nil, "\(kind)")
            state.didSucceed(kind)
            #expect(state.phase == phase, "\(kind)")
        }
    }

    @Test func commandsBeforeConnectingOrTheGreeting() {
        var state = SMTPSessionState()
        #expect(state.willSend(.ehlo) == .notConnected)
        #expect(state.willSend(.open) == nil)
        #expect(state.phase == .awaitingGreeting)
        #expect(state.willSend(.ehlo) == .greetingNotReceived)
    }

    @Test func sequencingProblems() {
        var greeted = SMTPSessionState()
        _ = greeted.willSend(.open)
        greeted.didSucceed(.open)
        #expect(greeted.willSend(.mail) == .mailBeforeHello)
        #expect(greeted.willSend(.auth) == .extensionBeforeEHLO(.auth))
        #expect(greeted.willSend(.rcpt) == .rcptBeforeMail)

        var state = Self.ready()
        #expect(state.willSend(.rcpt) == .rcptBeforeMail)
        #expect(state.willSend(.data) == .dataBeforeRecipient(.data))
        state.didSucceed(.mail)
        #expect(state.willSend(.mail) == .nestedMail)
        #expect(state.willSend(.data) == .dataBeforeRecipient(.data))
        #expect(state.willSend(.auth) == .authDuringTransaction)
        #expect(state.willSend(.bdat(last: true)) == .dataBeforeRecipient(.bdat(last: true)))
    }

    @Test func heloSessionsCannotUseExtensions() {
        var state = SMTPSessionState()
        _ = state.willSend(.open)
        state.didSucceed(.open)
        state.didSucceed(.helo)
        #expect(!state.isESMTP)
        #expect(state.willSend(.starttls) == .extensionBeforeEHLO(.starttls))
        #expect(state.willSend(.bdat(last: true)) == .extensionBeforeEHLO(.bdat(last: true)))
        #expect(state.willSend(.mail) == nil)
    }

    @Test func aRefusedRecipientAddsNone() {
        var state = Self.ready()
        state.didSucceed(.mail)
        state.didReceive(Reply(550, "5.1.1 User unknown"), for: .rcpt)
        #expect(state.phase == .inTransaction)
        #expect(state.acceptedRecipients == 0)
        #expect(state.willSend(.data) == .dataBeforeRecipient(.data))
        state.didReceive(Reply(250, "2.1.5 Ok"), for: .rcpt)
        #expect(state.acceptedRecipients == 1)
    }

    @Test func aRefusedMailLeavesNoTransaction() {
        var state = Self.ready()
        state.didReceive(Reply(530, "5.7.1 Client was not authenticated"), for: .mail)
        #expect(state.phase == .ready)
        #expect(!state.isInTransaction)
    }

    @Test func dataHasTwoReplies() {
        var state = Self.ready()
        state.didSucceed(.mail)
        state.didSucceed(.rcpt)
        state.didReceive(Reply(354, "End data with <CR><LF>.<CR><LF>"), for: .data)
        #expect(state.phase == .awaitingDataReply)
        #expect(state.willSend(.rset) == .messageExpected)
        state.didReceive(Reply(250, "2.0.0 Ok: queued as ABC"), for: .data)
        #expect(state.phase == .ready)
        #expect(state.acceptedRecipients == 0)
    }

    @Test func aRefusedDataCommandKeepsTheTransaction() {
        var state = Self.ready()
        state.didSucceed(.mail)
        state.didSucceed(.rcpt)
        state.didReceive(Reply(554, "5.5.1 Error: no valid recipients"), for: .data)
        #expect(state.phase == .hasRecipients)
    }

    @Test func rsetAndEhloEndTheTransaction() {
        var state = Self.ready()
        state.didSucceed(.mail)
        state.didSucceed(.rset)
        #expect(state.phase == .ready)
        state.didSucceed(.mail)
        state.didSucceed(.ehlo)
        #expect(state.phase == .ready)
    }

    @Test func startTLSResetsTheSession() {
        var state = SMTPSessionState()
        _ = state.willSend(.open)
        state.didSucceed(.open)
        state.didReceive(Reply(250, "mx.test\nSTARTTLS\nAUTH PLAIN\nPIPELINING"), for: .ehlo)
        #expect(state.capabilities?.supportsStartTLS == true)
        #expect(state.willSend(.starttls) == nil)
        state.didReceive(Reply(220, "2.0.0 Ready to start TLS"), for: .starttls)
        #expect(state.tlsActive)
        #expect(state.phase == .greeted)
        #expect(state.capabilities == nil)
        #expect(state.hello == nil)
        #expect(state.willSend(.starttls) == .tlsAlreadyActive)
        #expect(state.willSend(.mail) == .mailBeforeHello)
        state.didReceive(Reply(250, "mx.test\nAUTH PLAIN"), for: .ehlo)
        #expect(state.willSend(.starttls) == .tlsAlreadyActive)
        #expect(state.willSend(.auth) == nil)
        state.didSucceed(.auth)
        #expect(state.authenticated)
        #expect(state.willSend(.auth) == .alreadyAuthenticated)
    }

    @Test func unadvertisedExtensionsAreReported() {
        var state = SMTPSessionState()
        _ = state.willSend(.open)
        state.didSucceed(.open)
        state.didReceive(Reply(250, "mx.test\n8BITMIME"), for: .ehlo)
        #expect(state.willSend(.starttls) == .extensionNotAdvertised(keyword: "STARTTLS"))
        #expect(state.willSend(.auth) == .extensionNotAdvertised(keyword: "AUTH"))
        state.didSucceed(.mail)
        state.didSucceed(.rcpt)
        #expect(state.willSend(.bdat(last: true)) == .extensionNotAdvertised(keyword: "CHUNKING"))
    }

    @Test func bdatChunksThenLast() {
        var state = Self.ready()
        state.didSucceed(.mail)
        state.didSucceed(.rcpt)
        state.didSucceed(.bdat(last: false))
        #expect(state.phase == .chunking)
        #expect(state.willSend(.data) == .dataAfterBdat)
        #expect(state.willSend(.bdat(last: true)) == nil)
        state.didSucceed(.bdat(last: true))
        #expect(state.phase == .ready)
    }

    @Test func closingReplies() {
        var state = Self.ready()
        state.didReceive(Reply(421, "4.4.2 timeout"), for: .noop)
        #expect(state.phase == .closed)
        #expect(state.willSend(.noop) == .connectionClosed)
        var quitting = Self.ready()
        quitting.didReceive(Reply(221, "2.0.0 Bye"), for: .quit)
        #expect(quitting.phase == .closed)
    }

    @Test func aRefusingGreetingAllowsOnlyQuit() {
        var state = SMTPSessionState()
        _ = state.willSend(.open)
        state.didReceive(Reply(554, "No SMTP service here"), for: .open)
        #expect(state.phase == .serviceRefused)
        #expect(state.willSend(.ehlo) == .serviceRefused)
        #expect(state.willSend(.quit) == nil)
    }

    @Test func staticCheckWithFailureExpectations() {
        var state = Self.ready()
        state.didSucceed(.mail)
        state.didFail(.rcpt)
        #expect(state.willSend(.data) == .dataBeforeRecipient(.data))
    }

    @Test func kindsFromCommandsAndPipelineRules() {
        #expect(CommandKind(rawLine: "mail from:<a@b>") == .mail)
        #expect(CommandKind(rawLine: "BDAT 10 LAST") == .bdat(last: true))
        #expect(CommandKind(rawLine: "XYZZY") == .raw)
        #expect(CommandKind.rcpt.mayBeFollowedInPipeline)
        #expect(!CommandKind.data.mayBeFollowedInPipeline)
    }

    @Test func rfc2920SaysWhichCommandsMayBeFollowedInAGroup() {
        let followed: [CommandKind] = [.rset, .mail, .rcpt, .endOfData, .bdat(last: false)]
        let last: [CommandKind] = [
            .ehlo, .helo, .lhlo, .data, .vrfy, .expn, .noop, .quit, .starttls, .auth, .bdat(last: true), .help, .raw,
            .open,
        ]
        #expect(followed.allSatisfy { $0.mayBeFollowedInPipeline })
        #expect(last.allSatisfy { !$0.mayBeFollowedInPipeline })
    }
}
