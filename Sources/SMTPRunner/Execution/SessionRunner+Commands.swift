import Foundation
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// One command line and its reply: EHLO, HELO, LHLO, MAIL, RCPT, RSET, NOOP, HELP, QUIT, VRFY, EXPN, `send`.
    func playCommand(_ step: PlannedStep, _ text: PlanText, on connection: SMTPConnection) async -> StepResult {
        var result = baseResult(step, startedAt: Date())
        let line: (wire: String, shown: String)
        switch prepare(text) {
        case .failure(let failure):
            fail(&result, failure, took: .zero)
            return result
        case .success(let prepared):
            line = prepared
        }
        result.sentLines = [line.shown]
        let clock = ContinuousClock.now
        let kind = step.command ?? .raw
        willSend(kind)
        do {
            try await write(line.wire, showing: line.shown, on: connection)
            let reply = try await connection.readReply(timeout: step.timeout)
            transcript.server(reply)
            noteSessionEffects(of: kind, line: line.shown, reply: reply)
            judge(step, reply: reply, took: ContinuousClock.now - clock, into: &result)
        } catch {
            fail(&result, error, phase: .command, took: ContinuousClock.now - clock)
        }
        return result
    }

    /// Writes the command line `wire` and CRLF, then notes `shown` in the transcript, whether or not the write
    /// went through: the note is made while the server reads the line, not before it is sent, so that the time
    /// to its reply does not include it.
    func write(_ wire: String, showing shown: String, on connection: SMTPConnection) async throws(TransportError) {
        defer { transcript.client(shown) }
        try await connection.write(line: wire)
    }
}
