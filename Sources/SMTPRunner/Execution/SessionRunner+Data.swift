import Foundation
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// DATA: if DATA itself is refused, that reply is the step's; after 354 the dot-stuffed message and the final
    /// dot are sent and the reply to them is the step's (in LMTP, one reply per accepted recipient).
    func playData(_ step: PlannedStep, _ data: DataPlan, on connection: SMTPConnection) async -> StepResult {
        var result = baseResult(step, startedAt: Date())
        if let refused = refusal(for: data) {
            fail(&result, refused, took: .zero)
            return result
        }
        result.sentLines = ["DATA"]
        let clock = ContinuousClock.now
        willSend(.data)
        var phase = FailurePhase.command
        do {
            try await write("DATA", showing: "DATA", on: connection)
            let first = try await connection.readReply(timeout: data.initiationTimeout)
            transcript.server(first)
            let recipients = acceptedRecipients
            session.didReceive(first, for: .data)
            guard first.replyClass == .positiveIntermediate else {
                judge(step, reply: first, role: .dataCommand, took: ContinuousClock.now - clock, into: &result)
                return result
            }
            result.intermediateReplies = [shown(first)]
            phase = .data
            try await sendMessage(data.message, on: connection)
            try await readFinalReplies(step, recipients: recipients, clock: clock, on: connection, into: &result)
        } catch {
            fail(&result, error, phase: phase, took: ContinuousClock.now - clock)
        }
        return result
    }

    /// A refusal when the message needs a capture no reply provided, or when a header or the message, its
    /// captures filled in, holds what the wire fence refuses (a header line injected by a reply, a NUL).
    func refusal(for data: DataPlan) -> StepFailure? {
        if let missing = missingCapture(in: [data.message]) { return missing }
        for fenced in data.fences {
            if let refused = fenceRefusal(fenced.text, slot: fenced.slot, what: fenced.what) { return refused }
        }
        return fenceRefusal(data.message, slot: .messageText, what: "the message")
    }

    /// Sends a message after 354: dot-stuffed, then the final `.`.
    func sendMessage(_ message: PlanText, on connection: SMTPConnection) async throws(TransportError) {
        let bytes = MessageEncoder.dotStuffed(Array(message.wire(captures: captures).utf8))
        // Noted once the message is written (or its write failed): while the server reads it, off the path to its
        // reply.
        defer {
            recordMessage(message, dotStuffed: true)
            transcript.client(".")
        }
        try await connection.write(bytes)
    }

    /// Reads and judges the reply after a message (its final dot, or BDAT LAST). In an LMTP session (after LHLO)
    /// the server sends one reply per accepted recipient, in RCPT order (RFC 2033 §4.2); each is judged, against
    /// its `per-recipient` expectation when the step gives them, else against the step's, and the first is the
    /// step's reply.
    func readFinalReplies(
        _ step: PlannedStep,
        recipients: [String],
        clock: ContinuousClock.Instant,
        on connection: SMTPConnection,
        into result: inout StepResult
    ) async throws(TransportError) {
        let isLMTP = session.hello == .lhlo
        let kind = step.command ?? .data
        let count = isLMTP ? max(1, recipients.count) : 1
        var replies: [Reply] = []
        for _ in 0..<count {
            let reply = try await connection.readReply(timeout: step.timeout)
            transcript.server(reply)
            replies.append(reply)
        }
        session.didReceive(replies[0], for: kind == .data ? .data : kind)
        acceptedRecipients = []
        guard isLMTP else {
            judge(step, reply: replies[0], role: .endOfData, took: ContinuousClock.now - clock, into: &result)
            return
        }
        let took = ContinuousClock.now - clock
        var perRecipient: [RecipientReply] = []
        var failed: [Mismatch] = []
        for (index, reply) in replies.enumerated() {
            let expectation =
                step.expectation.perRecipient.indices.contains(index)
                ? step.expectation.perRecipient[index] : step.expectation
            let recipient = RecipientReply(
                index: index,
                rcptLine: recipients.indices.contains(index) ? recipients[index] : nil,
                expected: expectation.source,
                reply: shown(reply)
            )
            perRecipient.append(recipient)
            if !expectation.acceptsReply(reply) { failed.append(.recipientReply(recipient)) }
        }
        judge(step, reply: replies[0], role: .endOfData, took: took, into: &result)
        result.recipientReplies = perRecipient
        // The first reply was judged against the step's own expectation above; in LMTP every recipient's reply
        // is judged against its own, so the recipient mismatches replace a reply mismatch.
        var mismatches = (result.failure?.mismatches ?? []).filter {
            if case .reply = $0 { return false }
            return true
        }
        mismatches.insert(contentsOf: failed, at: 0)
        if mismatches.isEmpty {
            result.verdict = .passed
            result.failure = nil
        } else {
            result.verdict = .failed
            result.failure = StepFailure(mismatches, notes: result.failure?.notes ?? [])
        }
    }

    /// BDAT chunks (RFC 3030): each `BDAT <octets>` with its data in one write, the last with LAST. A chunk that
    /// is not accepted ends the step with that reply.
    func playBDAT(_ step: PlannedStep, _ chunks: [PlanText], on connection: SMTPConnection) async -> StepResult {
        var result = baseResult(step, startedAt: Date())
        if let missing = missingCapture(in: chunks) {
            fail(&result, missing, took: .zero)
            return result
        }
        guard !chunks.isEmpty else {
            fail(&result, StepFailure(.refused(.noChunks)), took: .zero)
            return result
        }
        let clock = ContinuousClock.now
        let recipients = acceptedRecipients
        do {
            for (offset, chunk) in chunks.enumerated() {
                let bytes = Array(chunk.wire(captures: captures).utf8)
                let isLast = offset == chunks.count - 1
                let command = "BDAT \(bytes.count)" + (isLast ? " LAST" : "")
                result.sentLines.append(command)
                willSend(.bdat(last: isLast))
                transcript.client(command)
                recordMessage(chunk, dotStuffed: false)
                try await connection.write(Array((command + "\r\n").utf8) + bytes)
                if isLast {
                    try await readFinalReplies(
                        step,
                        recipients: recipients,
                        clock: clock,
                        on: connection,
                        into: &result
                    )
                    return result
                }
                let reply = try await connection.readReply(timeout: step.timeout)
                transcript.server(reply)
                session.didReceive(reply, for: .bdat(last: false))
                if !reply.isPositiveCompletion {
                    judge(step, reply: reply, role: .chunk, took: ContinuousClock.now - clock, into: &result)
                    return result
                }
                result.intermediateReplies.append(shown(reply))
            }
        } catch {
            fail(&result, error, phase: .data, took: ContinuousClock.now - clock)
        }
        return result
    }

    /// Shows message content in the transcript as it goes on the wire (dot-stuffed after DATA, as is for BDAT),
    /// redacted, at most 200 lines.
    private func recordMessage(_ message: PlanText, dotStuffed: Bool) {
        let lines = message.redacted(captures: captures).linesAtAnyLineEnd
        let content = lines.last?.isEmpty == true ? lines.dropLast() : lines[...]
        transcript.client(
            lines: content.prefix(200).lazy.map { line in
                // As the wire has it: stuffed when its first octet is a dot, whatever follows (a combining mark too).
                dotStuffed && line.utf8.first == UInt8(ascii: ".") ? "." + line : String(line)
            }
        )
        if content.count > 200 { transcript.note("(\(content.count - 200) more message lines not shown)") }
    }
}
