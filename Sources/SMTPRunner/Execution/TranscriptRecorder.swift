import Foundation
import SMTPCore
import SMTPScenario

/// Collects a session's transcript with timestamps, redacting every secret of the plan.
final class TranscriptRecorder {
    private(set) var entries: [TranscriptEntry] = []
    private let plan: SessionPlan
    private let startDate = Date()
    private let start = ContinuousClock.now

    init(plan: SessionPlan) {
        self.plan = plan
    }

    /// A line the client sent (already shown form; secrets are masked again to be sure).
    func client(_ text: String) {
        append(.client, text)
    }

    /// Every line of a reply as the server sent it (`250-...`, then `250 ...`).
    func server(_ reply: Reply) {
        for (index, line) in reply.lines.enumerated() {
            let separator = index == reply.lines.count - 1 ? (line.isEmpty ? "" : " ") : "-"
            append(.server, "\(reply.code.value)\(separator)\(line)")
        }
    }

    /// A note of the runner.
    func note(_ text: String) {
        append(.note, text)
    }

    private func append(_ direction: TranscriptEntry.Direction, _ text: String) {
        let offset = ContinuousClock.now - start
        let time = startDate.addingTimeInterval(offset.secondsValue)
        entries.append(TranscriptEntry(time: time, offset: offset, direction: direction, text: plan.redact(text)))
    }
}
