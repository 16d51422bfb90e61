/// `--shard I/N`: the I-th of N slices of the scenario files (1-based), for splitting a suite
/// across CI jobs.
struct Shard: Sendable, Hashable {
    /// Which slice, from 1.
    var index: Int
    /// How many slices.
    var count: Int

    init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }
}
