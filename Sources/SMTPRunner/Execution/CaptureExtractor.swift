import Foundation
import SMTPCore
import SMTPScenario

/// Applies a step's `capture:` patterns to a reply's text.
public enum CaptureExtractor {
    /// The captured values by name (the first group, or the whole match when the pattern has no group), and a
    /// problem for each pattern that did not match.
    public static func capture(
        _ captures: [Capture],
        from reply: Reply
    ) -> (values: [String: String], problems: [String]) {
        var values: [String: String] = [:]
        var problems: [String] = []
        let text = reply.text
        for capture in captures {
            switch ExpectationCheck.firstMatch(of: capture.pattern, in: text) {
            case .none:
                problems.append("capture '\(capture.name)': /\(capture.pattern)/ does not match the reply text")
            case .invalid(let reason):
                problems.append("capture '\(capture.name)': /\(capture.pattern)/ is invalid: \(reason)")
            case .match(let result, let source):
                let groupRange = result.numberOfRanges > 1 ? result.range(at: 1) : result.range
                let range = groupRange.location == NSNotFound ? result.range : groupRange
                if let swiftRange = Range(range, in: source) {
                    values[capture.name] = String(source[swiftRange])
                }
            }
        }
        return (values, problems)
    }
}
