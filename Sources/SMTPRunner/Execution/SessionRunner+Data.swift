import Foundation
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// DATA: if DATA itself is refused, that reply is the step's; after 354 the dot-stuffed message and the final
    /// dot are sent and the reply to them is the step's.
    func playData(_ step: PlannedStep, _ data: DataPlan, on connection: SMTPConnection) async -> StepResult {
        var result = baseResult(step, startedAt: Date())
        if let missing = missingCapture(in: [data.message]) {
            fail(&result, missing, took: .zero)
            return result
        }
        result.sentLines = ["DATA"]
        let clock = ContinuousClock.now
        willSend(.data)
        do {
            transcript.client("DATA")
            try await connection.write(Array("DATA\r\n".utf8))
            let first = try await connection.readReply(timeout: data.initiationTimeout)
            transcript.server(first)
            session.didReceive(first, for: .data)
            guard first.replyClass == .positiveIntermediate else {
                judge(step, reply: first, took: ContinuousClock.now - clock, into: &result)
                return result
            }
            result.intermediateReplies = [shown(first)]
            let final = try await sendMessage(data.message, timeout: step.timeout, on: connection)
            judge(step, reply: final, took: ContinuousClock.now - clock, into: &result)
        } catch {
            fail(&result, StepFailure(error, command: "DATA"), took: ContinuousClock.now - clock)
        }
        return result
    }

    /// Sends a message after 354 (dot-stuffed, then `.`) and reads the reply to the final dot.
    func sendMessage(
        _ message: PlanText,
        timeout: Duration,
        on connection: SMTPConnection
    ) async throws(TransportError)
        -> Reply
    {
        let bytes = MessageEncoder.dotStuffed(Array(message.wire(captures: captures).utf8))
        recordMessage(message)
        transcript.client(".")
        try await connection.write(bytes)
        let reply = try await connection.readReply(timeout: timeout)
        transcript.server(reply)
        session.didReceive(reply, for: .data)
        return reply
    }

    /// BDAT chunks (RFC 3030): each `BDAT <octets>` with its data in one write, the last with LAST. A chunk that
    /// is not accepted ends the step with that reply.
    func playBDAT(_ step: PlannedStep, _ chunks: [PlanText], on connection: SMTPConnection) async -> StepResult {
        var result = baseResult(step, startedAt: Date())
        if let missing = missingCapture(in: chunks) {
            fail(&result, missing, took: .zero)
            return result
        }
        let clock = ContinuousClock.now
        do {
            for (offset, chunk) in chunks.enumerated() {
                let bytes = Array(chunk.wire(captures: captures).utf8)
                let isLast = offset == chunks.count - 1
                let command = "BDAT \(bytes.count)" + (isLast ? " LAST" : "")
                result.sentLines.append(command)
                willSend(.bdat(last: isLast))
                transcript.client(command)
                recordMessage(chunk)
                try await connection.write(Array((command + "\r\n").utf8) + bytes)
                let reply = try await connection.readReply(timeout: step.timeout)
                transcript.server(reply)
                session.didReceive(reply, for: .bdat(last: isLast))
                if isLast || !reply.isPositiveCompletion {
                    judge(step, reply: reply, took: ContinuousClock.now - clock, into: &result)
                    return result
                }
                result.intermediateReplies.append(shown(reply))
            }
            fail(&result, StepFailure(kind: .localRefusal, message: "bdat has no chunks"), took: .zero)
        } catch {
            fail(
                &result,
                StepFailure(error, command: result.sentLines.last ?? "BDAT"),
                took: ContinuousClock.now - clock
            )
        }
        return result
    }

    /// Shows message content in the transcript, redacted, at most 200 lines.
    private func recordMessage(_ message: PlanText) {
        // "\r\n" is one Character in Swift, so split on every kind of line end.
        let lines = message.redacted(captures: captures)
            .split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map(String.init)
        let content = lines.last == "" ? Array(lines.dropLast()) : lines
        for line in content.prefix(200) {
            transcript.client(line.hasPrefix(".") ? "." + line : line)
        }
        if content.count > 200 { transcript.note("(\(content.count - 200) more message lines not shown)") }
    }
}
