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
        // Room for a whole walkthrough session's lines at once, instead of growing through 1, 2, 4, 8, 16, 32.
        entries.reserveCapacity(32)
    }

    /// A line the client sent (already shown form; secrets are masked again to be sure).
    func client(_ text: String) {
        append(.client, text)
    }

    /// Every line of a reply as the server sent it (`250-...`, then `250 ...`).
    func server(_ reply: Reply) {
        let code = reply.code.description
        for (index, line) in reply.lines.enumerated() {
            // Appended into one string of the right size: a reply line is written for every line of every reply.
            var text = code
            text.reserveCapacity(code.utf8.count + 1 + line.utf8.count)
            if index < reply.lines.count - 1 {
                text += "-"
            } else if !line.isEmpty {
                text += " "
            }
            text += line
            append(.server, text)
        }
    }

    /// A note of the runner.
    func note(_ text: String) {
        append(.note, text)
    }

    /// Lines the client sent at once (a message's), noted at one time.
    func client(lines: some Sequence<String>) {
        let (time, offset) = now()
        for line in lines {
            entries.append(TranscriptEntry(time: time, offset: offset, direction: .client, text: plan.redact(line)))
        }
    }

    private func append(_ direction: TranscriptEntry.Direction, _ text: String) {
        let (time, offset) = now()
        entries.append(TranscriptEntry(time: time, offset: offset, direction: direction, text: plan.redact(text)))
    }

    private func now() -> (time: Date, offset: Duration) {
        let offset = ContinuousClock.now - start
        return (startDate.addingTimeInterval(offset.secondsValue), offset)
    }
}
