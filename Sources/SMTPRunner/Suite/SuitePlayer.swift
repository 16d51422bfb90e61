import EventLoopExecution
import NIOCore
import SMTPScenario

/// Plays a suite with the session as the unit of parallelism: up to `jobs` cases at once, across and within
/// scenario files, at most `maxPerHost` of them on one server. Cases are started in suite order (file, then
/// case), each compiled as it is read, which is when it starts except that a case whose server is at its cap is
/// read ahead and waits aside while later cases for other servers start (see `CaseQueue`); each is reported
/// when it ends, so results arrive in the order cases finish. With `failFast`, no case is started after one has
/// failed; those in flight finish.
public struct SuitePlayer: Sendable {
    /// The scenarios, in suite order.
    public var entries: [SuiteEntry]
    /// How many sessions at once.
    public var jobs: Int
    /// How many sessions at once on one server (`--max-per-host`).
    public var maxPerHost: Int
    /// Stop starting cases after the first failure.
    public var failFast: Bool
    /// Which of the suite's cases to play.
    public var shard: ShardSelection

    /// The default `--max-per-host`: what a public MX commonly allows one client at once.
    public static let defaultMaxPerHost = 10

    /// Creates a player.
    public init(
        entries: [SuiteEntry],
        jobs: Int,
        maxPerHost: Int = SuitePlayer.defaultMaxPerHost,
        failFast: Bool = false,
        shard: ShardSelection = .whole
    ) {
        self.entries = entries
        self.jobs = max(1, jobs)
        self.maxPerHost = max(1, maxPerHost)
        self.failFast = failFast
        self.shard = shard
    }

    /// A case that has been played.
    public struct FinishedCase: Sendable {
        /// Its number in the whole suite (file order, then case order), from 0.
        public var ordinal: Int
        /// Its results: one, or one per MX host for `open: {mx: …, each: true}`.
        public var results: [ScenarioResult]
    }

    /// How many of the suite's cases this shard holds, and how many were not started (`failFast`).
    public struct Tally: Sendable, Hashable {
        /// Cases in this shard.
        public var cases: Int
        /// Cases never started because an earlier one failed.
        public var skipped: Int
    }

    /// How many cases the whole suite has, in every shard.
    public var suiteCaseCount: Int {
        entries.reduce(0) { $0 + $1.scenario.caseCount }
    }

    /// Plays this shard's cases and hands each to `onFinished` as it ends (one call at a time). When `onFinished`
    /// returns `false` (its caller can no longer keep results, say), no case is started after it: those in flight
    /// finish and are handed over, and the rest count as skipped, as with `failFast`.
    ///
    /// Everything runs on the event loops (where task executors exist), not on Swift's global pool: the suite's own
    /// work (compiling each plan, `onFinished`) on one loop, and each case, from its first command to its result,
    /// on the loop its connections use. `onFinished` must therefore be short (a console line, a spool record). A
    /// case's start and end then cost no thread wake-up beyond one hand-over between loops, and with one job none
    /// at all (every case uses the suite's loop); on a small machine wake-ups cost more than the SMTP exchange
    /// itself. With more jobs the cases spread over the group's loops.
    public func play(onFinished: (FinishedCase) -> Bool) async -> Tally {
        guard let home = entries.first?.options.eventLoopGroup.next() else {
            return await play(home: nil, onFinished: onFinished)
        }
        return await EventLoopTaskExecutor.run(on: home) {
            await play(home: home, onFinished: onFinished)
        }
    }

    /// Plays the suite from `home`, the loop the player runs on.
    private func play(home: (any EventLoop)?, onFinished: (FinishedCase) -> Bool) async -> Tally {
        let total = shard.caseCount(of: suiteCaseCount)
        // Fewer jobs than the cap can never pass it.
        var queue = CaseQueue(
            entries: entries,
            shard: shard,
            slots: jobs > maxPerHost ? HostSlots(limit: maxPerHost) : nil,
            lookahead: max(64, 4 * jobs)
        )
        var started = 0
        var running = 0
        var stop = false
        await withTaskGroup(of: (FinishedCase, hosts: [String]).self) { group in
            func startNext() -> Bool {
                guard !stop, running < jobs, let next = queue.next() else { return false }
                started += 1
                running += 1
                let entry = entries[next.entry]
                // The case's loop: its connections use it, and so does its task, to the end.
                var options = entry.options
                let loop = (jobs == 1 ? home : nil) ?? options.eventLoopGroup.next()
                options.eventLoopGroup = loop
                group.addTask(on: loop) {
                    let results = await ScenarioRunner(options: options).runCase(next.plan, of: entry.scenario)
                    return (FinishedCase(ordinal: next.ordinal, results: results), next.hosts)
                }
                return true
            }
            while startNext() {}
            while let (finished, hosts) = await group.next() {
                running -= 1
                queue.finished(hosts)
                if !onFinished(finished) { stop = true }
                if failFast, finished.results.contains(where: { $0.status != .passed }) { stop = true }
                while startNext() {}
            }
        }
        return Tally(cases: total, skipped: total - started)
    }
}
