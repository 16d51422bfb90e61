import Synchronization
import Testing

@testable import SMTPRunner

/// The per-host cap (`--max-per-host`): sessions beyond it wait, and each server counts on its own.
@Suite("HostLimiter")
struct HostLimiterTests {
    /// Counts how many holders of a host are in at once, and the most there ever were.
    final class Occupancy: Sendable {
        private let state = Mutex<(now: [String: Int], peak: [String: Int])>(([:], [:]))

        func enter(_ hosts: [String]) {
            state.withLock { state in
                for host in hosts {
                    state.now[host, default: 0] += 1
                    state.peak[host] = max(state.peak[host] ?? 0, state.now[host] ?? 0)
                }
            }
        }

        func leave(_ hosts: [String]) {
            state.withLock { state in for host in hosts { state.now[host, default: 0] -= 1 } }
        }

        var peak: [String: Int] { state.withLock { $0.peak } }
    }

    @Test("40 sessions on one server with a cap of 3: never more than 3 at once, and all of them run")
    func capHolds() async {
        let limiter = HostLimiter(limit: 3)
        let occupancy = Occupancy()
        let finished = await withTaskGroup(of: Int.self, returning: Int.self) { group in
            for index in 0..<40 {
                let hosts = index % 4 == 0 ? ["a:25", "b:25"] : ["a:25"]
                group.addTask {
                    await limiter.acquire(hosts)
                    occupancy.enter(hosts)
                    await Task.yield()
                    try? await Task.sleep(for: .milliseconds(1))
                    occupancy.leave(hosts)
                    await limiter.release(hosts)
                    return 1
                }
            }
            return await group.reduce(0, +)
        }
        #expect(finished == 40)
        #expect(occupancy.peak["a:25"] == 3)
        #expect((occupancy.peak["b:25"] ?? 0) <= 3)
    }

    @Test("a session that opens no server never waits")
    func noHosts() async {
        let limiter = HostLimiter(limit: 1)
        await limiter.acquire(["a:25"])
        await limiter.acquire([])
        await limiter.release(["a:25"])
        await limiter.acquire(["a:25"])
        await limiter.release(["a:25"])
    }
}
