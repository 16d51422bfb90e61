/// Counts over a run's results, for the closing line `N passed, N failed`.
public struct RunSummary: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Cases that passed.
    public var passed: Int
    /// Cases that failed.
    public var failed: Int
    /// Cases the runner could not play as written.
    public var errors: Int

    /// Counts given as numbers.
    public init(passed: Int, failed: Int, errors: Int) {
        self.passed = passed
        self.failed = failed
        self.errors = errors
    }

    /// Counts the results.
    public init(_ results: some Sequence<ScenarioResult>) {
        self.init(passed: 0, failed: 0, errors: 0)
        for result in results { count(result.status) }
    }

    /// Counts one more case with `status`.
    public mutating func count(_ status: CaseStatus) {
        switch status {
        case .passed: passed += 1
        case .failed: failed += 1
        case .error: errors += 1
        }
    }

    /// How many cases in all.
    public var total: Int { passed + failed + errors }

    /// Whether every case passed.
    public var allPassed: Bool { failed == 0 && errors == 0 }

    /// `3 passed, 1 failed` (`, 1 error` follows when there are errors).
    public var description: String {
        var text = "\(passed) passed, \(failed) failed"
        if errors > 0 { text += ", \(errors) error\(errors == 1 ? "" : "s")" }
        return text
    }
}
