import SMTPRunner

/// One case in the JSON report: its outcome, steps, transcript and failure explanation.
struct JSONCaseRecord: Codable {
    /// The case's number in the whole suite (file order, then case order), from 0: what orders the cases of
    /// merged shards. Results of one case (`each: true` MX hosts) share it.
    var index: Int
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

    init(_ reported: ReportedCase, index: Int) {
        self.index = index
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
        failure = reported.explanation.map { JSONFailureRecord($0, status: result.status) }
    }
}

/// One transcript line in the JSON report.
struct JSONTranscriptRecord: Codable {
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

    /// `S: 250 OK`, `C: QUIT` or `* connected`, as ``TranscriptEntry/description`` shows it.
    var line: String {
        switch direction {
        case "server": "S: \(text)"
        case "client": "C: \(text)"
        default: "* \(text)"
        }
    }
}
