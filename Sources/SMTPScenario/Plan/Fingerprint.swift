/// A 64-bit FNV-1a hash of a sequence of strings, shown as 16 hexadecimal digits: what identifies a suite (its
/// files and the names of its cases, in order) so that shards of one suite can be told from a foreign one. Not
/// a cryptographic digest: it guards against mistakes, not against forgery.
public struct Fingerprint: Sendable, Hashable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// An empty fingerprint.
    public init() {}

    /// Adds `text`, followed by a separator, so that `["ab", "c"]` and `["a", "bc"]` differ.
    public mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0)
    }

    private mutating func mix(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// The hash as 16 lowercase hexadecimal digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
