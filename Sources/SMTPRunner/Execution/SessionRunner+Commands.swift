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
            transcript.client(line.shown)
            try await connection.write(Array((line.wire + "\r\n").utf8))
            let reply = try await connection.readReply(timeout: step.timeout)
            transcript.server(reply)
            noteSessionEffects(of: kind, line: line.shown, reply: reply)
            judge(step, reply: reply, took: ContinuousClock.now - clock, into: &result)
        } catch {
            fail(&result, error, phase: .command, took: ContinuousClock.now - clock)
        }
        return result
    }
}
