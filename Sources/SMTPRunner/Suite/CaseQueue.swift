import SMTPScenario

/// The cases to start next under the per-host cap: in suite order, except that a case whose server is full is set
/// aside while later cases for other servers start, and set-aside cases start oldest first once they fit. Without
/// a cap it is the suite order itself.
///
/// Each scenario file is read on its own, so that a file whose server is full does not hide the files after it:
/// a suite of one file per environment (staging's cases, then production's) plays every environment at once even
/// when the first file has thousands of cases. A case is compiled when it is read, so the cases set aside hold
/// their plans: at most `lookahead` of one file wait, and once `4 × lookahead` wait in all, a file reads on only
/// while none of its own wait (one plan more per file at most). Only the cases of one file ordered server by
/// server (all of one server's, then the next's) can still be held up, by that file's own bound.
struct CaseQueue {
    struct Next {
        var ordinal: Int
        var entry: Int
        var plan: SessionPlan
        var hosts: [String]
    }

    private let entries: [SuiteEntry]
    /// Without a cap: the whole suite, in order.
    private var suite: CaseSource
    /// With a cap: each file's cases, in order.
    private var files: [CaseSource]
    private var exhausted: [Bool]
    /// How many of each file's cases are set aside.
    private var setAside: [Int]
    /// The first file that may still have cases to read.
    private var firstOpen = 0
    private var slots: HostSlots?
    private let lookahead: Int
    /// The cases set aside, in suite order.
    private var waiting: [Next] = []

    init(entries: [SuiteEntry], shard: ShardSelection, slots: HostSlots?, lookahead: Int) {
        self.entries = entries
        self.suite = CaseSource(entries: entries, shard: shard)
        var files: [CaseSource] = []
        if slots != nil {
            var firstOrdinal = 0
            for index in entries.indices {
                files.append(CaseSource(entries: entries, shard: shard, only: index, firstOrdinal: firstOrdinal))
                firstOrdinal += entries[index].scenario.caseCount
            }
        }
        self.files = files
        self.exhausted = Array(repeating: false, count: entries.count)
        self.setAside = Array(repeating: 0, count: entries.count)
        self.slots = slots
        self.lookahead = max(1, lookahead)
    }

    /// The next case that may start now, its places taken; `nil` when none may (all that are left wait for a full
    /// server, or none are left).
    mutating func next() -> Next? {
        guard var slots else {
            return suite.next().map { Next(ordinal: $0.ordinal, entry: $0.entry, plan: $0.plan, hosts: []) }
        }
        defer { self.slots = slots }
        if let index = waiting.firstIndex(where: { slots.fits($0.hosts) }) {
            let next = waiting.remove(at: index)
            setAside[next.entry] -= 1
            slots.take(next.hosts)
            return next
        }
        var file = firstOpen
        while file < files.count {
            // Past the bound in all, only a file with nothing set aside reads on, so every file's server is tried.
            let mayRead =
                !exhausted[file] && setAside[file] < lookahead
                && (setAside[file] == 0 || waiting.count < 4 * lookahead)
            guard mayRead else {
                file += 1
                continue
            }
            guard let taken = files[file].next() else {
                exhausted[file] = true
                while firstOpen < files.count, exhausted[firstOpen] { firstOpen += 1 }
                file += 1
                continue
            }
            let hosts = taken.plan.hosts(with: entries[taken.entry].options)
            let next = Next(ordinal: taken.ordinal, entry: taken.entry, plan: taken.plan, hosts: hosts)
            if slots.fits(hosts) {
                slots.take(hosts)
                return next
            }
            waiting.insert(next, at: waiting.firstIndex { $0.ordinal > next.ordinal } ?? waiting.endIndex)
            setAside[file] += 1
        }
        return nil
    }

    /// Gives back the places of a case that has ended.
    mutating func finished(_ hosts: [String]) {
        slots?.release(hosts)
    }
}
