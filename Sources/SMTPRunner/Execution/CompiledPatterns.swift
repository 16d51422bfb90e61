import Foundation
import NIOConcurrencyHelpers

/// The scenario's regular expressions (reply text, captures, arrival checks), each compiled once per process
/// instead of at every reply or message it is checked against: a 100,000-case suite checks the same few patterns
/// hundreds of thousands of times.
///
/// Limit: at most ``capacity`` patterns are kept (a scenario has a handful); past that, a new pattern is compiled
/// each time it is used, so memory stays bounded whatever the patterns.
enum CompiledPatterns {
    /// How many patterns are kept.
    static let capacity = 1024

    private static let kept = NIOLockedValueBox([String: NSRegularExpression?]())

    /// `pattern` compiled (NSRegularExpression syntax, as the compiler validates), or `nil` when it does not
    /// compile.
    static func expression(_ pattern: String) -> NSRegularExpression? {
        if let known = kept.withLockedValue({ $0[pattern] }) { return known }
        let compiled = try? NSRegularExpression(pattern: pattern)
        kept.withLockedValue { kept in
            if kept.count < capacity { kept[pattern] = .some(compiled) }
        }
        return compiled
    }
}
