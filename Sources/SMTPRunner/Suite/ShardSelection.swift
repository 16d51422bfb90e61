/// `--shard I/N`: the I-th of N slices of a suite's cases (1-based). Cases are dealt round-robin in suite order
/// (file, then case): case number `k` (from 0) belongs to shard `k % N + 1`, so a one-file matrix is split as
/// evenly as a suite of many files.
public struct ShardSelection: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which slice, from 1.
    public var index: Int
    /// How many slices.
    public var count: Int

    /// The whole suite: shard 1/1.
    public static let whole = ShardSelection(validIndex: 1, count: 1)

    private init(validIndex: Int, count: Int) {
        self.index = validIndex
        self.count = count
    }

    /// `I/N` with `1 <= I <= N`; `nil` otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.init(validIndex: index, count: count)
    }

    /// Whether suite case number `ordinal` (from 0) is in this shard.
    public func contains(_ ordinal: Int) -> Bool {
        ordinal % count == index - 1
    }

    /// How many of a suite's `total` cases are in this shard.
    public func caseCount(of total: Int) -> Int {
        total / count + (index - 1 < total % count ? 1 : 0)
    }

    private enum CodingKeys: String, CodingKey {
        case index, count
    }

    /// Decodes `{"index": I, "count": N}`, refusing values outside `1 <= I <= N`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let index = try container.decode(Int.self, forKey: .index)
        let count = try container.decode(Int.self, forKey: .count)
        guard count >= 1, (1...count).contains(index) else {
            throw DecodingError.dataCorruptedError(
                forKey: .index,
                in: container,
                debugDescription: "shard \(index)/\(count) is not 1 <= I <= N"
            )
        }
        self.init(validIndex: index, count: count)
    }

    /// `2/3`.
    public var description: String { "\(index)/\(count)" }
}
