import SMTPCore
import SMTPDiagnosis
import SMTPRunner

/// One typed mismatch in the JSON report: its kind, its sentence, and what was expected and observed, with the
/// fields its kind has (the capability, the TLS fact, the phase of a transport failure, the reply).
struct JSONMismatchRecord: Codable {
    var kind: String
    var summary: String
    var expected: String?
    var observed: String?
    var capability: String?
    var tlsFact: String?
    var phase: String?
    var limitMs: Double?
    var tookMs: Double?
    var reply: JSONStepRecord.ReplyRecord?
    var recipient: Int?
    var meaning: String?
    var reasons: [String]?
    /// Whether reports list it beside `got` (`got` does not already say it).
    var listed: Bool?

    init(_ mismatch: Mismatch) {
        kind = mismatch.kind.keyword
        summary = mismatch.description
        switch mismatch {
        case .reply(let reply), .enhancedCodeContradiction(let reply):
            self.reply = JSONStepRecord.ReplyRecord(reply)
            observed = reply.encodedLines.first
        case .replyText(let pattern):
            expected = "/\(pattern)/"
        case .capabilityMissing(let requirement):
            capability = requirement.keyword
            expected = requirement.description
        case .capabilityParameter(let requirement, let advertised),
            .capabilityComparison(let requirement, let advertised):
            capability = requirement.keyword
            expected = requirement.description
            observed = ([requirement.keyword] + advertised).joined(separator: " ")
        case .capabilityPresent(let keyword):
            capability = keyword
            observed = keyword
        case .tls(let fact):
            tlsFact = fact.fact.rawValue
            expected = fact.expected
            observed = fact.observed
        case .tooSlow(let limit, let took, let phase):
            self.phase = phase.rawValue
            limitMs = JSONReportDocument.milliseconds(limit)
            tookMs = JSONReportDocument.milliseconds(took)
        case .recipientReply(let recipientReply):
            recipient = recipientReply.index + 1
            expected = recipientReply.expected
            reply = JSONStepRecord.ReplyRecord(recipientReply.reply)
            observed = recipientReply.reply.encodedLines.first
        case .transport(let error, let phase):
            self.phase = phase.rawValue
            observed = error.offendingText
            if case .timedOut(let limit) = error { limitMs = JSONReportDocument.milliseconds(limit) }
        case .unexpectedConnection(let peer):
            observed = peer
        case .refused:
            break
        case .notArrived(_, let within, _):
            limitMs = JSONReportDocument.milliseconds(within)
            expected = mismatch.arrivalExpected
        default:
            expected = mismatch.arrivalExpected
            observed = mismatch.arrivalObserved
        }
    }

    /// The record with the catalogue's explanation added (the failure block's mismatches).
    init(_ explained: ExplainedMismatch) {
        self.init(explained.mismatch)
        kind = explained.kind.keyword
        summary = explained.summary
        expected = explained.expected ?? expected
        observed = explained.observed ?? observed
        meaning = explained.meaning
        reasons = explained.reasons
        listed = !explained.isShownByGot
    }
}

/// An LMTP recipient's reply after the message, in the JSON report.
struct JSONRecipientRecord: Codable {
    var recipient: Int
    var rcpt: String?
    var expected: String
    var reply: JSONStepRecord.ReplyRecord

    init(_ recipient: RecipientReply) {
        self.recipient = recipient.index + 1
        rcpt = recipient.rcptLine
        expected = recipient.expected
        reply = JSONStepRecord.ReplyRecord(recipient.reply)
    }
}
