import SMTPRunner

/// One case in the JSON report: its outcome, steps, transcript and failure explanation.
struct JSONCaseRecord: Encodable {
    var file: String
    var scenario: String
    var name: String
    var status: String
    var attempts: Int
    var startedAt: String
    var durationMs: Double
    var steps: [JSONStepRecord]
    var transcript: [JSONTranscriptRecord]
    var failure: JSONFailureRecord?

    init(_ reported: ReportedCase) {
        let result = reported.result
        file = result.file
        scenario = result.scenarioName
        name = result.caseName
        status = result.status.rawValue
        attempts = result.attempts
        startedAt = JSONReportDocument.timestamp(result.startedAt)
        durationMs = JSONReportDocument.milliseconds(result.duration)
        steps = result.steps.map(JSONStepRecord.init)
        transcript = result.transcript.map(JSONTranscriptRecord.init)
        failure = reported.explanation.map(JSONFailureRecord.init)
    }
}

/// One transcript line in the JSON report.
struct JSONTranscriptRecord: Encodable {
    var offsetMs: Double
    var direction: String
    var text: String

    init(_ entry: TranscriptEntry) {
        offsetMs = JSONReportDocument.milliseconds(entry.offset)
        switch entry.direction {
        case .server: direction = "server"
        case .client: direction = "client"
        case .note: direction = "note"
        }
        text = entry.text
    }
}
