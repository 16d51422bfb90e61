import SMTPScenario

/// The shard's cases in suite order (of the whole suite, or of one of its files), each plan compiled when it is
/// taken; other shards' cases are passed over without being compiled.
struct CaseSource {
    struct Next {
        var ordinal: Int
        var entry: Int
        var plan: SessionPlan
    }

    private let entries: [SuiteEntry]
    private let shard: ShardSelection
    private var entry = 0
    /// The entry after the last one to read.
    private let end: Int
    private var ordinal = 0
    private var plans: CasePlans.Iterator?

    /// The whole suite's cases.
    init(entries: [SuiteEntry], shard: ShardSelection) {
        self.entries = entries
        self.shard = shard
        self.end = entries.count
        self.plans = entries.first?.scenario.plans.makeIterator()
    }

    /// The cases of `entries[only]` alone, numbered as in the whole suite: its first case is `firstOrdinal`.
    init(entries: [SuiteEntry], shard: ShardSelection, only: Int, firstOrdinal: Int) {
        self.entries = entries
        self.shard = shard
        self.entry = only
        self.end = only + 1
        self.ordinal = firstOrdinal
        self.plans = entries[only].scenario.plans.makeIterator()
    }

    mutating func next() -> Next? {
        while entry < end {
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
            plans = entry < end ? entries[entry].scenario.plans.makeIterator() : nil
        }
        return nil
    }
}
