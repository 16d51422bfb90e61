/// The per-host cap (`--max-per-host`) as the suite player keeps it: how many sessions each server has open, so
/// that a suite stays within what a real MX allows one client (past it they answer 421). The player takes the
/// places before it starts a case and gives them back when the case ends; a case whose server is full is not
/// started (it waits outside the running jobs, so it never holds a job another server could use).
struct HostSlots {
    private let limit: Int
    private var open: [String: Int] = [:]

    /// A table allowing `limit` sessions at once per host (at least one).
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Whether every host in `hosts` has a free place (a session that opens no server always fits).
    func fits(_ hosts: [String]) -> Bool {
        hosts.allSatisfy { open[$0, default: 0] < limit }
    }

    /// Takes a place on each host; call only when ``fits(_:)``.
    mutating func take(_ hosts: [String]) {
        for host in hosts { open[host, default: 0] += 1 }
    }

    /// Gives back the places taken by ``take(_:)``.
    mutating func release(_ hosts: [String]) {
        for host in hosts {
            open[host, default: 1] -= 1
            if open[host] == 0 { open[host] = nil }
        }
    }

    /// How many sessions are open on `host`.
    func count(on host: String) -> Int { open[host, default: 0] }
}
