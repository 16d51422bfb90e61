import Foundation

/// Remembers which sender/recipient pairs have been seen, for greylisting: the first attempt for a
/// pair is deferred, every later one passes. Shared by all connections of one server.
public final class Greylist: Sendable {
    private let seen = Locked<Set<String>>([])

    /// Creates an empty greylist.
    public init() {}

    /// Records an attempt and says whether it must be deferred (the pair's first attempt).
    public func isFirstAttempt(sender: String, recipient: String) -> Bool {
        let key = sender.lowercased() + "\u{0}" + recipient.lowercased()
        return seen.withLock { $0.insert(key).inserted }
    }
}
