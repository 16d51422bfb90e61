/// The parsed form of each string the compiler interpolates, kept for the compilation of one scenario: every case
/// of a matrix interpolates the same strings, and parsing them once is cheaper than once per case.
///
/// A class so that the interpolators of all cases, each a value of its own, share it; a compilation runs on one
/// thread, and no cache outlives it.
final class TemplateCache {
    private var parsed: [String: Result<Template, Template.Problem>] = [:]

    /// `Template.parse(text)`, parsed the first time only.
    func parse(_ text: String) -> Result<Template, Template.Problem> {
        if let known = parsed[text] { return known }
        let result = Template.parse(text)
        parsed[text] = result
        return result
    }
}
