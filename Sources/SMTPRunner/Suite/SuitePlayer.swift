import EventLoopExecution
import SMTPScenario

/// Plays a suite with the session as the unit of parallelism: up to `jobs` cases at once, across and within
/// scenario files, at most `maxPerHost` of them on one server. Cases are started in suite order (file, then
/// case), each compiled as it starts; each is reported when it ends, so results arrive in the order cases
/// finish. With `failFast`, no case is started after one has failed; those in flight finish.
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

    /// Plays this shard's cases and hands each to `onFinished` as it ends (one call at a time).
    ///
    /// With one job, the whole suite (compiling each plan, the session, `onFinished`) runs on one event loop: a
    /// session then never waits for another thread to wake, which on a small machine costs more than the SMTP
    /// exchange itself. With more jobs the sessions spread over the group's loops.
    public func play(onFinished: (FinishedCase) -> Void) async -> Tally {
        guard jobs == 1, let home = entries.first?.options.eventLoopGroup.next() else {
            return await play(entries, onFinished: onFinished)
        }
        let pinned = entries.map { entry in
            var options = entry.options
            options.eventLoopGroup = home
            return SuiteEntry(scenario: entry.scenario, options: options)
        }
        return await EventLoopTaskExecutor.run(on: home) {
            await play(pinned, onFinished: onFinished)
        }
    }

    private func play(_ entries: [SuiteEntry], onFinished: (FinishedCase) -> Void) async -> Tally {
        let total = shard.caseCount(of: suiteCaseCount)
        // Fewer jobs than the cap can never pass it.
        let limiter = jobs > maxPerHost ? HostLimiter(limit: maxPerHost) : nil
        var source = CaseSource(entries: entries, shard: shard)
        var started = 0
        var stop = false
        await withTaskGroup(of: FinishedCase.self) { group in
            func startNext() -> Bool {
                guard !stop, let next = source.next() else { return false }
                started += 1
                let entry = entries[next.entry]
                let hosts = next.plan.hosts(with: entry.options)
                group.addTask {
                    await limiter?.acquire(hosts)
                    let results = await ScenarioRunner(options: entry.options).runCase(next.plan, of: entry.scenario)
                    await limiter?.release(hosts)
                    return FinishedCase(ordinal: next.ordinal, results: results)
                }
                return true
            }
            for _ in 0..<jobs where !startNext() { break }
            while let finished = await group.next() {
                onFinished(finished)
                if failFast, finished.results.contains(where: { $0.status != .passed }) { stop = true }
                _ = startNext()
            }
        }
        return Tally(cases: total, skipped: total - started)
    }
}

/// The shard's cases in suite order, each plan compiled when it is taken; other shards' cases are passed over
/// without being compiled.
struct CaseSource {
    struct Next {
        var ordinal: Int
        var entry: Int
        var plan: SessionPlan
    }

    private let entries: [SuiteEntry]
    private let shard: ShardSelection
    private var entry = 0
    private var ordinal = 0
    private var plans: CasePlans.Iterator?

    init(entries: [SuiteEntry], shard: ShardSelection) {
        self.entries = entries
        self.shard = shard
        self.plans = entries.first?.scenario.plans.makeIterator()
    }

    mutating func next() -> Next? {
        while entry < entries.count {
            if shard.contains(ordinal) {
                if let plan = plans?.next() {
                    defer { ordinal += 1 }
                    return Next(ordinal: ordinal, entry: entry, plan: plan)
                }
            } else if plans?.skip() == true {
                ordinal += 1
                continue
            }
            entry += 1
            plans = entry < entries.count ? entries[entry].scenario.plans.makeIterator() : nil
        }
        return nil
    }
}
