import SMTPCore
import SMTPRunner
import SMTPYAML

extension ScenarioResult {
    /// The result with every secret masked in every text it holds.
    func masked(by mask: SecretMask) -> ScenarioResult {
        guard !mask.isEmpty else { return self }
        var copy = self
        copy.scenarioName = mask.apply(scenarioName)
        copy.caseName = mask.apply(caseName)
        copy.steps = steps.map { $0.masked(by: mask) }
        copy.transcript = transcript.map { entry in
            var entry = entry
            entry.text = mask.apply(entry.text)
            return entry
        }
        return copy
    }
}

extension StepResult {
    /// The step with every secret masked: lines sent, replies, the failure, captures and grouped steps.
    func masked(by mask: SecretMask) -> StepResult {
        var copy = self
        copy.name = name.map(mask.apply)
        copy.sentLines = sentLines.map(mask.apply)
        copy.reply = reply.map { $0.masked(by: mask) }
        copy.intermediateReplies = intermediateReplies.map { $0.masked(by: mask) }
        copy.failure = failure.map { $0.masked(by: mask) }
        copy.recipientReplies = recipientReplies.map { recipient in
            var recipient = recipient
            recipient.reply = recipient.reply.masked(by: mask)
            recipient.rcptLine = recipient.rcptLine.map(mask.apply)
            return recipient
        }
        copy.captured = captured.mapValues(mask.apply)
        copy.peer = peer.map(mask.apply)
        copy.substeps = substeps.map { $0.masked(by: mask) }
        copy.arrivals = arrivals.map { $0.mapTexts(mask.apply) }
        return copy
    }
}

extension StepFailure {
    /// The failure with every secret masked in the replies and texts its mismatches carry.
    func masked(by mask: SecretMask) -> StepFailure {
        StepFailure(mismatches.map { $0.masked(by: mask) }, notes: notes)
    }
}

extension Mismatch {
    /// The mismatch with every secret masked in the reply or text it carries.
    func masked(by mask: SecretMask) -> Mismatch {
        switch self {
        case .reply(let reply): return .reply(reply.masked(by: mask))
        case .enhancedCodeContradiction(let reply): return .enhancedCodeContradiction(reply.masked(by: mask))
        case .recipientReply(var recipient):
            recipient.reply = recipient.reply.masked(by: mask)
            recipient.rcptLine = recipient.rcptLine.map(mask.apply)
            return .recipientReply(recipient)
        case .refused(let reason): return .refused(reason.mapTexts(mask.apply))
        case .unexpectedConnection(let peer): return .unexpectedConnection(peer: mask.apply(peer))
        case .transport(let error, let phase):
            switch error {
            case .connectFailed(let reason, let detail):
                return .transport(.connectFailed(reason, mask.apply(detail)), phase: phase)
            case .tls(let reason): return .transport(.tls(mask.apply(reason)), phase: phase)
            case .local(let reason): return .transport(.local(mask.apply(reason)), phase: phase)
            case .defect(let defect): return .transport(.defect(defect.masked(by: mask)), phase: phase)
            case .timedOut, .closed: return self
            }
        case .arrivedForOthers(let expected, let observed):
            return .arrivedForOthers(expected: mask.apply(expected), observed: observed.map(mask.apply))
        case .header(let condition, let observed): return .header(condition, observed: observed.map(mask.apply))
        case .envelopeFrom(let expected, let observed):
            return .envelopeFrom(expected: mask.apply(expected), observed: observed.map(mask.apply))
        case .notificationRecipient(let expected, let observed):
            return .notificationRecipient(expected: mask.apply(expected), observed: observed.map(mask.apply))
        case .sourceFailed(let problem): return .sourceFailed(mask.apply(problem))
        case .notArrived(let kind, let within, let source):
            return .notArrived(kind, within: within, source: mask.apply(source))
        case .replyText, .capabilityMissing, .capabilityParameter, .capabilityComparison, .capabilityPresent, .tls,
            .tooSlow, .arrivedUnexpectedly, .body, .notificationAction, .notificationStatus:
            return self
        }
    }
}

extension ProtocolDefect {
    /// The defect with every secret masked in the text it quotes.
    func masked(by mask: SecretMask) -> ProtocolDefect {
        switch self {
        case .bareLineFeed(let line): return .bareLineFeed(line: mask.apply(line))
        case .malformedReplyLine(let line): return .malformedReplyLine(mask.apply(line))
        case .mixedCodes(let code, let line): return .mixedCodes(expected: code, got: mask.apply(line))
        case .connectionClosedMidReply(let partial): return .connectionClosedMidReply(partial: partial.map(mask.apply))
        case .replyTooLong(let lines, let octets, let start):
            return .replyTooLong(lines: lines, octets: octets, start: start.map(mask.apply))
        case .lineTooLong, .enhancedCodeClassMismatch, .plaintextAfterStartTLS: return self
        }
    }
}

extension Reply {
    /// The reply with every secret masked in its lines.
    func masked(by mask: SecretMask) -> Reply {
        Reply(code: code, lines: lines.map(mask.apply))
    }
}

extension InvalidFile {
    /// The file with every secret masked in its diagnostics; its quoted lines are masked when rendered.
    func masked(by mask: SecretMask) -> InvalidFile {
        guard !mask.isEmpty else { return self }
        var copy = self
        copy.diagnostics = diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.message = mask.apply(diagnostic.message)
            diagnostic.note = diagnostic.note.map(mask.apply)
            return diagnostic
        }
        copy.mask = self.mask.merging(mask)
        return copy
    }
}
