import Foundation
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// A pipelined group (RFC 2920): every command line in one write, then the replies matched in order. Refused
    /// when the server did not advertise PIPELINING, unless the group is forced. A `data` in the group sends its
    /// message after its 354.
    func playPipeline(
        _ step: PlannedStep,
        _ pipeline: PipelinePlan,
        on connection: SMTPConnection
    ) async
        -> StepResult
    {
        var result = baseResult(step, startedAt: Date())
        guard pipeline.force || session.capabilities?.supportsPipelining == true else {
            fail(
                &result,
                StepFailure(.refused(.pipeliningNotAdvertised)),
                took: .zero
            )
            return result
        }
        var wire: [UInt8] = []
        var shownLines: [String] = []
        for substep in pipeline.steps {
            let text: PlanText
            switch substep.action {
            case .command(let command): text = command
            case .data(let data):
                if let refused = refusal(for: data) {
                    fail(&result, refused, took: .zero)
                    return result
                }
                text = PlanText(literal: "DATA")
            default:
                fail(
                    &result,
                    StepFailure(.refused(.notPipelinable(verb: substep.verb.keyword))),
                    took: .zero
                )
                return result
            }
            switch prepare(text) {
            case .failure(let failure):
                fail(&result, failure, took: .zero)
                return result
            case .success(let line):
                wire += Array((line.wire + "\r\n").utf8)
                shownLines.append(line.shown)
            }
        }
        result.sentLines = shownLines
        let clock = ContinuousClock.now
        for line in shownLines { transcript.client(line) }
        do {
            try await connection.write(wire)
        } catch {
            fail(&result, error, phase: .command, took: .zero)
            return result
        }
        var broken = false
        for (offset, substep) in pipeline.steps.enumerated() {
            var sub = baseResult(substep, startedAt: Date())
            sub.sentLines = [shownLines[offset]]
            if broken {
                sub.verdict = .notRun
                result.substeps.append(sub)
                continue
            }
            var phase = FailurePhase.command
            do {
                switch substep.action {
                case .data(let data):
                    willSend(.data)
                    let recipients = acceptedRecipients
                    let first = try await connection.readReply(timeout: data.initiationTimeout)
                    transcript.server(first)
                    session.didReceive(first, for: .data)
                    if first.replyClass == .positiveIntermediate {
                        sub.intermediateReplies = [shown(first)]
                        phase = .data
                        try await sendMessage(data.message, on: connection)
                        try await readFinalReplies(
                            substep,
                            recipients: recipients,
                            clock: clock,
                            on: connection,
                            into: &sub
                        )
                    } else {
                        judge(substep, reply: first, role: .dataCommand, took: ContinuousClock.now - clock, into: &sub)
                    }
                default:
                    let kind = substep.command ?? .raw
                    willSend(kind)
                    let reply = try await connection.readReply(timeout: substep.timeout)
                    transcript.server(reply)
                    noteSessionEffects(of: kind, line: shownLines[offset], reply: reply)
                    judge(substep, reply: reply, took: ContinuousClock.now - clock, into: &sub)
                }
            } catch {
                fail(&sub, error, phase: phase, took: ContinuousClock.now - clock)
                broken = true
            }
            result.substeps.append(sub)
        }
        result.duration = ContinuousClock.now - clock
        if let failed = result.substeps.first(where: { $0.verdict == .failed || $0.verdict == .refused }) {
            result.verdict = .failed
            result.failure = failed.failure
        }
        return result
    }
}
