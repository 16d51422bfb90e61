/// The duration language: one or more `number unit` groups, units `ms`, `s`, `m`, `h`
/// (`500ms`, `30s`, `2m`, `1m30s`). A bare number is refused: `30` could mean seconds or minutes.
public enum DurationSyntax {
    /// Why a duration did not parse.
    public struct Problem: Error, Sendable, Hashable {
        /// What is wrong.
        public var message: String
        /// What to write instead.
        public var note: String
        /// The 0-based offset in the text where the problem starts.
        public var offset: Int
    }

    private static let units: [(suffix: String, unit: Duration)] = [
        ("ms", .milliseconds(1)), ("h", .seconds(3600)), ("m", .seconds(60)), ("s", .seconds(1)),
    ]

    /// Parses a duration.
    public static func parse(_ text: String) -> Result<Duration, Problem> {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else {
            return .failure(Problem(message: "empty duration", note: "write a duration such as 30s or 2m", offset: 0))
        }
        var total = Duration.zero
        var index = 0
        while index < scalars.count {
            let start = index
            var digits = ""
            while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                digits.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard !digits.isEmpty, let number = Int64(digits), number <= 1_000_000_000 else {
                return .failure(
                    Problem(
                        message: "invalid duration '\(text)'",
                        note: "expected a whole number followed by ms, s, m or h, such as 500ms, 30s, 2m or 1m30s",
                        offset: start
                    )
                )
            }
            let rest = String(String.UnicodeScalarView(scalars[index...]))
            guard let match = units.first(where: { rest.hasPrefix($0.suffix) }) else {
                let isBare = index == scalars.count
                return .failure(
                    Problem(
                        message: isBare ? "duration '\(text)' has no unit" : "invalid duration '\(text)'",
                        note: isBare
                            ? "add a unit: \(digits)s for seconds, \(digits)ms for milliseconds, \(digits)m for minutes"
                            : "units are ms, s, m and h, written right after the number: 500ms, 30s, 2m, 1m30s",
                        offset: index
                    )
                )
            }
            total += match.unit * number
            index += match.suffix.unicodeScalars.count
        }
        return .success(total)
    }
}
