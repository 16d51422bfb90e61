extension SMTPSessionState {
    /// The sequencing check once greeted.
    func problem(sending kind: CommandKind) -> SequenceProblem? {
        let transaction = [.inTransaction, .hasRecipients, .chunking].contains(phase)
        switch kind {
        case .starttls:
            if tlsActive { return .tlsAlreadyActive }
            if !isESMTP { return .extensionBeforeEHLO(kind) }
            if let capabilities, !capabilities.supportsStartTLS { return .extensionNotAdvertised(keyword: "STARTTLS") }
        case .auth:
            if !isESMTP { return .extensionBeforeEHLO(kind) }
            if authenticated { return .alreadyAuthenticated }
            if transaction { return .authDuringTransaction }
            if let capabilities, !capabilities.supportsAuth { return .extensionNotAdvertised(keyword: "AUTH") }
        case .mail:
            if phase == .greeted { return .mailBeforeHello }
            if transaction { return .nestedMail }
        case .rcpt:
            if phase == .greeted || phase == .ready { return .rcptBeforeMail }
        case .data:
            if phase == .chunking { return .dataAfterBdat }
            if phase != .hasRecipients { return .dataBeforeRecipient(kind) }
        case .bdat:
            if !isESMTP { return .extensionBeforeEHLO(kind) }
            if let capabilities, !capabilities.supportsChunking { return .extensionNotAdvertised(keyword: "CHUNKING") }
            if phase != .hasRecipients && phase != .chunking { return .dataBeforeRecipient(kind) }
        case .open, .ehlo, .helo, .lhlo, .endOfData, .rset, .noop, .help, .quit, .vrfy, .expn, .raw:
            break
        }
        return nil
    }

    /// Applies a reply code to the state.
    mutating func apply(_ code: ReplyCode, for kind: CommandKind, capabilities parsed: EHLOCapabilities?) {
        if code == .serviceNotAvailable {
            phase = .closed
            return
        }
        let success = code.replyClass == .positiveCompletion
        switch kind {
        case .open:
            phase = success ? .greeted : .serviceRefused
        case .ehlo, .lhlo, .helo:
            guard success else { return }
            hello = kind
            capabilities = parsed
            endTransaction()
        case .starttls:
            guard success else { return }
            tlsActive = true
            hello = nil
            capabilities = nil
            authenticated = false
            endTransaction()
            phase = .greeted
        case .auth:
            if success { authenticated = true }
        case .mail:
            guard success, phase == .ready else { return }
            phase = .inTransaction
            acceptedRecipients = 0
        case .rcpt:
            guard success, phase == .inTransaction || phase == .hasRecipients else { return }
            phase = .hasRecipients
            acceptedRecipients += 1
        case .data, .endOfData:
            if phase == .awaitingDataReply {
                if code.replyClass != .positiveIntermediate { endTransaction() }
            } else if code.replyClass == .positiveIntermediate && kind == .data {
                phase = .awaitingDataReply
            }
        case .bdat(let last):
            guard success, phase == .hasRecipients || phase == .chunking else { return }
            if last { endTransaction() } else { phase = .chunking }
        case .rset:
            if success { endTransaction() }
        case .quit:
            if success { phase = .closed }
        case .noop, .help, .vrfy, .expn, .raw:
            break
        }
    }

    /// Clears the mail transaction: back to `.ready` after a greeting, `.greeted` before one.
    private mutating func endTransaction() {
        acceptedRecipients = 0
        if phase != .closed { phase = hello == nil ? .greeted : .ready }
    }
}
