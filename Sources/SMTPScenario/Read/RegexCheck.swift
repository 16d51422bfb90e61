import Foundation

/// Checks that a regular expression from a scenario compiles, so a bad pattern is a scenario
/// error with a location rather than a failure at run time.
enum RegexCheck {
    /// A description of why `pattern` does not compile, or `nil` when it does.
    static func problem(in pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "it does not compile"
        }
    }
}
