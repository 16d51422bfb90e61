import Foundation
import Logging
import SMTPCore
import SMTPScenario

/// Plays one ``SessionPlan`` from its first step to its last (or its first failure), keeping the transcript,
/// the captures and the capabilities the server advertised. Used by one task only.
final class SessionRunner {
    let plan: SessionPlan
    let options: RunnerOptions
    /// For `open: {mx: …, each: true}`: the one MX host this case connects to.
    let pinnedExchanger: MXRecord?
    let transcript: TranscriptRecorder
    /// When this session (this attempt) began: mail that arrived before it is not this case's.
    let sessionStartedAt = Date()
    let logger: Logger
    /// Variables captured so far, by name; at first the case's own values (``SessionPlan/caseCaptures``).
    var captures: [String: String]
    /// Core's view of the session: phase, the capabilities of the last EHLO/LHLO, TLS and AUTH.
    var session = SMTPSessionState()
    /// What the runner noticed about the step being played (RFC 5321's objection to its command, an unadvertised
    /// AUTH mechanism), attached to its failure if it fails.
    var pendingNotes: [StepNote] = []
    /// The shown RCPT lines of the recipients accepted in the current transaction, in order.
    var acceptedRecipients: [String] = []
    /// The results so far.
    var results: [StepResult] = []
    /// The reply of the failed step, for retries.
    var failingReply: Reply?
    /// Whether QUIT was sent on the current connection.
    var quitSent = false
    /// The name TLS verifies on the current connection: the host in the file, or the MX host.
    var tlsName = ""
    /// The last reply whose EHLO capabilities were read, and them (see ``capabilities(of:)``).
    var lastCapabilities: (reply: Reply, capabilities: EHLOCapabilities)?

    init(plan: SessionPlan, options: RunnerOptions, pinnedExchanger: MXRecord? = nil) {
        self.plan = plan
        self.options = options
        self.pinnedExchanger = pinnedExchanger
        self.captures = plan.caseCaptures
        self.transcript = TranscriptRecorder(plan: plan)
        // Everything logged goes through the plan's mask, as the transcript does.
        var logger = options.logger
        logger[metadataKey: "case"] = "\(plan.redact(plan.name))"
        self.logger = logger
    }

    /// Plays the plan.
    func play() async -> SessionOutcome {
        var index = 0
        while index < plan.steps.count {
            let step = plan.steps[index]
            index += 1
            switch step.action {
            case .open(let openPlan):
                let keepGoing = await playConnected(step, openPlan, nextIndex: &index)
                if !keepGoing { return outcome() }
            case .sleep(let duration):
                results.append(recorded(await playSleep(step, duration), from: transcript.entries.count))
            case .arrival(let awaited):
                let start = transcript.entries.count
                let result = recorded(await playAwait(step, awaited), from: start)
                results.append(result)
                if !result.passed { return outcome() }
            default:
                results.append(
                    refused(step, .noConnection)
                )
                return outcome()
            }
        }
        return outcome()
    }

    /// Connects for an `open` step and plays the following steps on the connection, up to the next `open`, the
    /// end, or a failure (after which it sends a polite QUIT). Returns whether to go on.
    private func playConnected(_ step: PlannedStep, _ openPlan: OpenPlan, nextIndex index: inout Int) async -> Bool {
        let started = Date()
        let clock = ContinuousClock.now
        let openStart = transcript.entries.count
        let attempt = await connect(step, openPlan)
        guard case .connected(let channel, let peer, let name, let tls) = attempt else {
            if case .failed(let result) = attempt { results.append(recorded(result, from: openStart)) }
            return results.last?.passed ?? false
        }
        quitSent = false
        session = SMTPSessionState()
        _ = session.willSend(.open)
        tlsName = name
        var goOn = true
        var stepIndex = index
        do {
            try await channel.executeThenClose { inbound, outbound in
                let connection = SMTPConnection(
                    channel: channel.channel,
                    inbound: inbound,
                    outbound: outbound,
                    isTLS: false,
                    logger: logger
                )
                let opened = await greet(
                    step,
                    openPlan,
                    connection,
                    peer: peer,
                    tls: tls,
                    started: started,
                    clock: clock
                ).recorded(from: openStart, to: transcript.entries.count)
                logger.debug(
                    "connected",
                    metadata: ["peer": "\(plan.redact(peer))", "verdict": "\(opened.verdict.rawValue)"]
                )
                results.append(opened)
                guard opened.passed else {
                    await politeQuit(connection)
                    goOn = false
                    return
                }
                while stepIndex < plan.steps.count {
                    let next = plan.steps[stepIndex]
                    if case .open = next.action { break }
                    stepIndex += 1
                    let stepStart = transcript.entries.count
                    let result = recorded(await playStep(next, on: connection), from: stepStart)
                    logger.debug(
                        "step played",
                        metadata: [
                            "step": "\(next.verb.keyword)", "location": "\(next.location)",
                            "verdict": "\(result.verdict.rawValue)",
                        ]
                    )
                    results.append(result)
                    if !result.passed {
                        await politeQuit(connection)
                        goOn = false
                        return
                    }
                }
                if !quitSent { await politeQuit(connection) }
            }
        } catch {
            logger.debug("closing the connection failed", metadata: ["error": "\(plan.redact("\(error)"))"])
        }
        index = stepIndex
        session.connectionClosed()
        transcript.note("connection closed")
        return goOn
    }

    /// Plays one step on an open connection.
    func playStep(_ step: PlannedStep, on connection: SMTPConnection) async -> StepResult {
        switch step.action {
        case .open:
            return refused(step, .alreadyConnected)
        case .command(let text):
            return await playCommand(step, text, on: connection)
        case .starttls(let tlsPlan):
            return await playStartTLS(step, tlsPlan, on: connection)
        case .auth(let authPlan):
            return await playAuth(step, authPlan, on: connection)
        case .data(let dataPlan):
            return await playData(step, dataPlan, on: connection)
        case .bdat(let chunks):
            return await playBDAT(step, chunks, on: connection)
        case .pipeline(let pipelinePlan):
            return await playPipeline(step, pipelinePlan, on: connection)
        case .sleep(let duration):
            return await playSleep(step, duration)
        case .arrival(let awaited):
            return await playAwait(step, awaited)
        }
    }

    /// `result` with its transcript range ending at the transcript's current end.
    func recorded(_ result: StepResult, from start: Int) -> StepResult {
        result.recorded(from: start, to: transcript.entries.count)
    }

    /// Waits, sending nothing.
    func playSleep(_ step: PlannedStep, _ duration: Duration) async -> StepResult {
        let started = Date()
        transcript.note("sleeping \(duration.shortText)")
        try? await Task.sleep(for: duration)
        var result = baseResult(step, startedAt: started)
        result.duration = duration
        return result
    }

    /// After a failure (or at the end): QUIT, and a short bounded wait for its reply.
    func politeQuit(_ connection: SMTPConnection) async {
        guard !connection.isClosed, !quitSent else { return }
        quitSent = true
        do {
            try await write("QUIT", showing: "QUIT", on: connection)
            let reply = try await connection.readReply(timeout: options.quitGracePeriod)
            transcript.server(reply)
        } catch {
            transcript.note("no reply to QUIT (\(error.sentence(phase: .command)))")
        }
    }

    /// A result for a step the runner refuses to play; nothing was sent.
    func refused(_ step: PlannedStep, _ reason: Refusal) -> StepResult {
        let start = transcript.entries.count
        var result = baseResult(step, startedAt: Date())
        transcript.note("refused to play \(step.verb.keyword) at \(step.location): \(reason)")
        result.verdict = .refused
        result.failure = StepFailure(.refused(reason))
        return recorded(result, from: start)
    }

    private func outcome() -> SessionOutcome {
        let failure = results.lazy.compactMap(\.firstFailure).first
        let status: CaseStatus
        switch failure?.failure?.kind {
        case nil: status = failure == nil ? .passed : .failed
        case .localRefusal?: status = .error
        default: status = .failed
        }
        return SessionOutcome(
            steps: results,
            transcript: transcript.entries,
            status: status,
            failingReply: failingReply
        )
    }
}
