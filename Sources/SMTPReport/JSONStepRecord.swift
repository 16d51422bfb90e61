import SMTPCore
import SMTPRunner

/// One step in the JSON report.
struct JSONStepRecord: Codable {
    /// A reply: its code and the text of every line.
    struct ReplyRecord: Codable {
        var code: Int
        var lines: [String]

        init(_ reply: Reply) {
            code = reply.code.value
            lines = reply.lines
        }
    }

    /// How a step failed: its kind, its typed mismatches and the runner's notes.
    struct FailureRecord: Codable {
        var kind: String
        var message: String
        var mismatches: [JSONMismatchRecord]
        var notes: [String]
        var limitMs: Double?
        var tookMs: Double?
        var connectionFailure: String?

        init(_ failure: StepFailure) {
            kind = failure.kind.name
            message = failure.message
            mismatches = failure.mismatches.map(JSONMismatchRecord.init)
            notes = failure.notes.map(\.description)
            switch failure.kind {
            case .timeout(let limit):
                limitMs = JSONReportDocument.milliseconds(limit)
            case .tooSlow(let limit, let took):
                limitMs = JSONReportDocument.milliseconds(limit)
                tookMs = JSONReportDocument.milliseconds(took)
            case .connectionFailed(let reason):
                connectionFailure = reason.rawValue
            default:
                break
            }
        }
    }

    /// What the runner learnt about a TLS session.
    struct TLSRecord: Codable {
        var version: String?
        var cipher: String?
        var subject: String?
        var issuer: String?
        var subjectAlternativeNames: [String]
        var notAfter: String?
        var daysLeft: Int?
        var verified: Bool
        var serverName: String?

        init(_ facts: TLSFacts) {
            version = facts.version
            cipher = facts.cipher
            subject = facts.subject
            issuer = facts.issuer
            subjectAlternativeNames = facts.subjectAlternativeNames
            notAfter = facts.notAfter.map(JSONReportDocument.timestamp)
            daysLeft = facts.daysLeft
            verified = facts.verified
            serverName = facts.serverName
        }
    }

    var index: Int
    var verb: String
    var name: String?
    var location: JSONLocation
    var sent: [String]
    var reply: ReplyRecord?
    var intermediateReplies: [ReplyRecord]
    var verdict: String
    var expected: String
    var replyRole: String
    var recipientReplies: [JSONRecipientRecord]
    var startedAt: String
    var durationMs: Double
    var failure: FailureRecord?
    var captured: [String: String]
    var tls: TLSRecord?
    var peer: String?
    var substeps: [JSONStepRecord]
    /// For await steps: the message that matched, or what arrived instead.
    var arrivals: [JSONArrivalRecord]?

    init(_ step: StepResult) {
        index = step.index
        verb = step.verb.keyword
        name = step.name
        location = JSONLocation(step.location)
        sent = step.sentLines
        reply = step.reply.map(ReplyRecord.init)
        intermediateReplies = step.intermediateReplies.map(ReplyRecord.init)
        verdict = step.verdict.rawValue
        expected = step.expected
        replyRole = step.replyRole.rawValue
        recipientReplies = step.recipientReplies.map(JSONRecipientRecord.init)
        startedAt = JSONReportDocument.timestamp(step.startedAt)
        durationMs = JSONReportDocument.milliseconds(step.duration)
        failure = step.failure.map(FailureRecord.init)
        captured = step.captured
        tls = step.tls.map(TLSRecord.init)
        peer = step.peer
        substeps = step.substeps.map(JSONStepRecord.init)
        arrivals = step.verb.isAwait ? step.arrivals.map(JSONArrivalRecord.init) : nil
    }
}
