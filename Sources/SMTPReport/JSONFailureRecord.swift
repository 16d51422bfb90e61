import SMTPDiagnosis
import SMTPRunner

/// A case's failure explanation in the JSON report: the same data as the console's failure block.
struct JSONFailureRecord: Codable {
    var location: JSONLocation
    var verb: String
    var step: String
    var stepName: String?
    var heading: String
    /// The step as the report's heading shows it: `rcpt kate@fabrikam.com`.
    var stepText: String
    /// The failure report as plain text, without the transcript: what JUnit, TAP and transcript files show.
    var text: String
    var sent: String?
    var peer: String?
    var expected: String
    var got: [String]
    var reply: JSONStepRecord.ReplyRecord?
    var kind: String
    var message: String
    var summary: String
    var mismatches: [JSONMismatchRecord]
    var transportFailure: String?
    var meaning: String
    var reasons: [String]
    var hints: [String]
    var notes: [String]
    var error: Bool
    var transcript: [JSONTranscriptRecord]

    init(_ explanation: FailureExplanation, status: CaseStatus) {
        stepText = explanation.stepText
        text = explanation.plainText(status: status, includeTranscript: false)
        location = JSONLocation(explanation.location)
        verb = explanation.verb.keyword
        step = explanation.diagnosisStep.keyword
        stepName = explanation.stepName
        heading = explanation.heading
        sent = explanation.sent
        peer = explanation.peer
        expected = explanation.expected
        got = explanation.got
        reply = explanation.reply.map(JSONStepRecord.ReplyRecord.init)
        kind = explanation.failure.kind.name
        message = explanation.failure.message
        summary = explanation.summary
        mismatches = explanation.mismatches.map(JSONMismatchRecord.init)
        transportFailure = explanation.transportFailure?.keyword
        meaning = explanation.meaning
        reasons = explanation.reasons
        hints = explanation.hints
        notes = explanation.notes
        error = explanation.isError
        transcript = explanation.transcript.map(JSONTranscriptRecord.init)
    }
}
