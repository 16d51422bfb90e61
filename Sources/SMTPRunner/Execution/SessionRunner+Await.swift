import Foundation
import SMTPCore
import SMTPMessage
import SMTPScenario

extension SessionRunner {
    /// How many candidates one poll of a source may return.
    static let candidatesPerPoll = 50
    /// How many of the latest arrivals a failed await step reports besides this case's own.
    static let latestArrivalsShown = 5
    /// How long reading the latest arrivals for the report of a failed step may take.
    static let reportGrace = Duration.seconds(5)
    /// How much earlier than the session's start a message may carry as its arrival time and still count.
    static let clockSkew: TimeInterval = 2

    /// `body`'s result, or `nil` when `limit` passes first (`body` is then cancelled).
    static func bounded<T: Sendable>(
        by limit: Duration,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// Plays `await-message` or `await-dsn`: polls the source until this case's message (or its notification)
    /// is there and meets the step's checks, or until `within` runs out. Sends nothing; never retried.
    ///
    /// A message that is this case's but fails a check fails the step at once; a notification that fails one
    /// does not, since a later one (a `failed` after a `delayed`) may still come. `expect: none` passes when the
    /// time runs out with nothing of this case's arrived.
    func playAwait(_ step: PlannedStep, _ awaited: AwaitPlan) async -> StepResult {
        let started = Date()
        let clock = ContinuousClock.now
        var result = baseResult(step, startedAt: started)
        let sourceName = plan.redact(awaited.source.description)
        result.peer = "at \(sourceName)"
        let messageID = awaited.messageID.wire(captures: captures)
        guard let parsedID = MessageID(parsing: messageID) else {
            return refused(step, .invalidMessageID)
        }
        let matcher = ArrivalMatcher(
            kind: awaited.kind,
            messageID: parsedID,
            envelopeID: awaited.envelopeID?.wire(captures: captures),
            recipient: awaited.recipient?.wire(captures: captures),
            expectation: awaited.expectation,
            envelopeFrom: {
                if case .message(let checks) = awaited.expectation {
                    return checks.envelopeFrom?.wire(captures: captures)
                }
                return nil
            }(),
            notifiedRecipient: {
                if case .dsn(let checks) = awaited.expectation { return checks.recipient?.wire(captures: captures) }
                return nil
            }()
        )
        let query = ArrivalQuery(
            kind: awaited.kind == .message ? .message : .notification,
            messageID: messageID,
            envelopeID: matcher.envelopeID
        )
        let what = awaited.kind == .message ? "message" : "delivery status notification for"
        transcript.note(
            "waiting up to \(awaited.within.shortText) for the \(what) \(plan.redact(messageID)) at \(sourceName)"
        )
        func finish(_ failure: StepFailure?, _ arrivals: [ArrivalSummary]) -> StepResult {
            result.duration = ContinuousClock.now - clock
            result.arrivals = arrivals.map { $0.mapTexts(plan.redact) }
            if let failure {
                result.verdict = .failed
                result.failure = failure
                transcript.note("\(plan.redact(failure.message))")
            }
            for arrival in result.arrivals where arrival.isThisCase {
                transcript.note("arrived: \(arrival.line)")
            }
            return result
        }
        let source: any MessageSource
        switch messageSource(for: awaited.source) {
        case .success(let found): source = found
        case .failure(let problem): return finish(StepFailure(.sourceFailed(problem.description)), [])
        }
        let deadline = clock + awaited.within
        let interval = Self.pollInterval(for: awaited.source)
        var nearMiss: ([Mismatch], ArrivalSummary)?
        // Mail that arrived before this session began is an earlier case's or run's, even with the same
        // Message-ID (a fixed one in a matrix, a maildir that keeps every run's mail); a little clock skew is allowed.
        let earliest = sessionStartedAt.addingTimeInterval(-Self.clockSkew)
        while !Task.isCancelled {
            let candidates: [ArrivedMessage]
            do {
                // One poll may not outlast the step's time (an IMAP server that is slow to answer).
                let left = deadline - ContinuousClock.now
                guard
                    let found = try await Self.bounded(
                        by: max(left, .milliseconds(1)),
                        {
                            try await source.candidates(for: query, limit: Self.candidatesPerPoll)
                        }
                    )
                else { break }
                candidates = found.filter { ($0.receivedAt ?? .distantFuture) >= earliest }
            } catch {
                return finish(StepFailure(.sourceFailed(plan.redact("\(error)"))), [])
            }
            for candidate in candidates {
                switch matcher.judge(candidate) {
                case .other:
                    continue
                case .passed(let summary):
                    return finish(nil, [summary])
                case .failed(let mismatches, let summary):
                    if awaited.kind == .message || mismatches.contains(where: { $0.kind == .unexpectedArrival }) {
                        return finish(StepFailure(mismatches), [summary])
                    }
                    nearMiss = (mismatches, summary)
                case .forOthers(let mismatch, let summary):
                    nearMiss = nearMiss ?? ([mismatch], summary)
                }
            }
            let left = deadline - ContinuousClock.now
            if left <= .zero { break }
            do { try await Task.sleep(for: min(interval, left)) } catch { break }
        }
        if case .nothing = awaited.expectation { return finish(nil, []) }
        let latest: [ArrivedMessage] =
            (try? await Self.bounded(by: Self.reportGrace) {
                try await source.latest(limit: Self.latestArrivalsShown)
            }) ?? nil ?? []
        let others = latest.map { arrived in
            var summary = ArrivalMatcher.summary(of: arrived)
            summary.isSentMessage = summary.messageID.flatMap(MessageID.init(parsing:)) == parsedID
            return summary
        }
        if let (mismatches, summary) = nearMiss {
            return finish(StepFailure(mismatches), [summary] + others.filter { $0.origin != summary.origin })
        }
        return finish(
            StepFailure(.notArrived(awaited.kind, within: awaited.within, source: sourceName)),
            others
        )
    }

    /// The source a step names: the run's capture or mock server, or a maildir or IMAP mailbox of its own.
    private func messageSource(for plan: MessageSourcePlan) -> Result<any MessageSource, MessageSourceError> {
        switch plan {
        case .capture(let name, let listen):
            guard let source = options.messageSources.captures[listen] else {
                return .failure(.unavailable("capture \(name) (\(listen)) is not running in this run"))
            }
            return .success(source)
        case .mock:
            guard let source = options.messageSources.mock else {
                return .failure(.unavailable("'at: mock' reads the server of 'run --mock'; this run has none"))
            }
            return .success(source)
        case .maildir(let path):
            return .success(MaildirSource(directory: path))
        case .imap(let imap):
            // The IMAP client logs hosts, user names and search strings: through the plan's mask, like every line.
            var masked = logger
            let sessionPlan = self.plan
            masked.handler = RedactingLogHandler(masked.handler) { sessionPlan.redact($0) }
            return .success(IMAPMessageSource(imap, captures: captures, options: options, logger: masked))
        }
    }

    /// How often a source is asked: in-process servers cheaply, a maildir every quarter second, IMAP every second.
    static func pollInterval(for source: MessageSourcePlan) -> Duration {
        switch source {
        case .capture, .mock: return .milliseconds(100)
        case .maildir: return .milliseconds(250)
        case .imap: return .seconds(1)
        }
    }
}
