import EventLoopExecution
import SMTPScenario

/// Plays a suite with the session as the unit of parallelism: up to `jobs` cases at once, across and within
/// scenario files, at most `maxPerHost` of them on one server. Cases are started in suite order (file, then
/// case), each compiled as it starts, except that a case whose server is at its cap waits aside while later cases
/// for other servers start; each is reported when it ends, so results arrive in the order cases finish. With
/// `failFast`, no case is started after one has failed; those in flight finish.
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
    /// Everything runs on the event loops, never on Swift's global pool: the suite's own work (compiling each plan,
    /// `onFinished`) on one loop, and each case, from its first command to its result, on the loop its connections
    /// use. A case's start and end then cost no thread wake-up beyond one hand-over between loops, and with one
    /// job none at all (the whole suite shares one loop); on a small machine wake-ups cost more than the SMTP
    /// exchange itself. With more jobs the cases spread over the group's loops.
    public func play(onFinished: (FinishedCase) -> Bool) async -> Tally {
        guard let home = entries.first?.options.eventLoopGroup.next() else {
            return await play(entries, onFinished: onFinished)
        }
        let placed =
            jobs > 1
            ? entries
            : entries.map { entry in
                var options = entry.options
                options.eventLoopGroup = home
                return SuiteEntry(scenario: entry.scenario, options: options)
            }
        return await EventLoopTaskExecutor.run(on: home) {
            await play(placed, onFinished: onFinished)
        }
    }

    private func play(_ entries: [SuiteEntry], onFinished: (FinishedCase) -> Bool) async -> Tally {
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
                let loop = options.eventLoopGroup.next()
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

/// The cases to start next under the per-host cap: in suite order, except that a case whose server is full is set
/// aside (up to `lookahead` of them, oldest first back) while later cases for other servers start. Without a cap
/// it is the suite order itself.
struct CaseQueue {
    struct Next {
        var ordinal: Int
        var entry: Int
        var plan: SessionPlan
        var hosts: [String]
    }

    private let entries: [SuiteEntry]
    private var source: CaseSource
    private var slots: HostSlots?
    private let lookahead: Int
    private var waiting: [Next] = []

    init(entries: [SuiteEntry], shard: ShardSelection, slots: HostSlots?, lookahead: Int) {
        self.entries = entries
        self.source = CaseSource(entries: entries, shard: shard)
        self.slots = slots
        self.lookahead = max(1, lookahead)
    }

    /// The next case that may start now, its places taken; `nil` when none may (all that are left wait for a full
    /// server, or none are left).
    mutating func next() -> Next? {
        guard var slots else {
            return source.next().map { Next(ordinal: $0.ordinal, entry: $0.entry, plan: $0.plan, hosts: []) }
        }
        defer { self.slots = slots }
        if let index = waiting.firstIndex(where: { slots.fits($0.hosts) }) {
            slots.take(waiting[index].hosts)
            return waiting.remove(at: index)
        }
        while waiting.count < lookahead, let taken = source.next() {
            let hosts = taken.plan.hosts(with: entries[taken.entry].options)
            let next = Next(ordinal: taken.ordinal, entry: taken.entry, plan: taken.plan, hosts: hosts)
            guard slots.fits(hosts) else {
                waiting.append(next)
                continue
            }
            slots.take(hosts)
            return next
        }
        return nil
    }

    /// Gives back the places of a case that has ended.
    mutating func finished(_ hosts: [String]) {
        slots?.release(hosts)
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
