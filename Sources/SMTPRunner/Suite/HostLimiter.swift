/// Holds the sessions of a run to at most `limit` at once per server, so that a suite stays within what a real
/// MX allows one client (past it they answer 421): a session waits for a place on every server it opens.
actor HostLimiter {
    private let limit: Int
    private var open: [String: Int] = [:]
    private var waiting: [(hosts: [String], continuation: CheckedContinuation<Void, Never>)] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits until every host in `hosts` has a free place, then takes one on each.
    func acquire(_ hosts: [String]) async {
        guard !hosts.isEmpty else { return }
        if waiting.isEmpty, fits(hosts) {
            take(hosts)
            return
        }
        await withCheckedContinuation { waiting.append((hosts, $0)) }
    }

    /// Gives back the places taken by ``acquire(_:)`` and lets waiting sessions in, first come first served
    /// among those that fit.
    func release(_ hosts: [String]) {
        for host in hosts {
            open[host, default: 1] -= 1
            if open[host] == 0 { open[host] = nil }
        }
        var index = 0
        while index < waiting.count {
            if fits(waiting[index].hosts) {
                let (hosts, continuation) = waiting.remove(at: index)
                take(hosts)
                continuation.resume()
            } else {
                index += 1
            }
        }
    }

    private func fits(_ hosts: [String]) -> Bool {
        hosts.allSatisfy { open[$0, default: 0] < limit }
    }

    private func take(_ hosts: [String]) {
        for host in hosts { open[host, default: 0] += 1 }
    }
}
