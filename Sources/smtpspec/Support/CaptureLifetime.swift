import SMTPCore
import SMTPMock
import SMTPRunner
import SMTPScenario

/// Stops each capture server once the last case that names it has finished: it counts, per capture, the cases of
/// this shard in the files that declare it, and shuts the server down when the count reaches zero (at once when
/// this shard plays none of them). Called from the suite player's `onFinished`, one call at a time.
final class CaptureLifetime {
    private var remaining: [Int]
    private let servers: [MockServer]
    /// The first suite ordinal of each file, and the captures each file names (indices into `servers`).
    private let files: [(firstOrdinal: Int, captures: [Int])]

    init(captures: CaptureServers, servers: [MockServer], scenarios: [CompiledScenario], shard: ShardSelection) {
        self.servers = servers
        var remaining = Array(repeating: 0, count: captures.servers.count)
        var files: [(Int, [Int])] = []
        var ordinal = 0
        for scenario in scenarios {
            let named = scenario.captureServers.compactMap { plan in
                captures.servers.firstIndex { $0.listen == plan.listen }
            }
            let played = (ordinal..<(ordinal + scenario.caseCount)).filter(shard.contains).count
            for index in named { remaining[index] += played }
            files.append((ordinal, named))
            ordinal += scenario.caseCount
        }
        self.remaining = remaining
        self.files = files
        for (index, count) in remaining.enumerated() where count == 0 { servers[index].shutdown() }
    }

    /// Case number `ordinal` of the suite has finished.
    func caseFinished(ordinal: Int) {
        guard let file = files.lastIndex(where: { $0.firstOrdinal <= ordinal }) else { return }
        for index in files[file].captures {
            remaining[index] -= 1
            if remaining[index] == 0 { servers[index].shutdown() }
        }
    }
}
