/// The RCPT `NOTIFY=` value (RFC 3461 §4.1): `NEVER`, or a comma-separated list of SUCCESS, FAILURE, DELAY.
public enum DSNNotify: Sendable, Hashable, CustomStringConvertible {
    /// When a DSN is wanted.
    public enum Condition: String, Sendable, Hashable, CaseIterable, Comparable {
        /// On successful delivery.
        case success = "SUCCESS"
        /// On failure.
        case failure = "FAILURE"
        /// On delay.
        case delay = "DELAY"

        /// SUCCESS, FAILURE, DELAY order.
        public static func < (lhs: Condition, rhs: Condition) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// `NOTIFY=NEVER`.
    case never
    /// `NOTIFY=SUCCESS,FAILURE,...`; an empty set means the same as NEVER.
    case conditions(Set<Condition>)

    /// Parses the parameter value, e.g. `SUCCESS,FAILURE` (any case).
    public static func parse(_ value: String) -> Result<DSNNotify, CommandSyntaxError> {
        parse(words: value.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }

    /// How the parameter is written.
    static let usage = "NOTIFY=NEVER or NOTIFY=SUCCESS,FAILURE,DELAY"

    /// Parses words as a scenario lists them, e.g. `["success", "failure"]` or `["never"]`.
    public static func parse(words: [String]) -> Result<DSNNotify, CommandSyntaxError> {
        if words.isEmpty { return .failure(problem("NOTIFY needs a value: NEVER or SUCCESS, FAILURE, DELAY")) }
        var conditions = Set<Condition>()
        var sawNever = false
        for word in words {
            let upper = word.trimmingSpaces.uppercased()
            if upper == "NEVER" {
                sawNever = true
            } else if let condition = Condition(rawValue: upper) {
                conditions.insert(condition)
            } else {
                return .failure(
                    problem(
                        "NOTIFY value \(ProtocolDefect.quoted(word)) is not NEVER, SUCCESS, FAILURE or DELAY "
                            + "(RFC 3461 §4.1)"
                    )
                )
            }
        }
        if sawNever {
            guard conditions.isEmpty, words.count == 1 else {
                return .failure(problem("NOTIFY=NEVER must appear alone (RFC 3461 §4.1)"))
            }
            return .success(.never)
        }
        return .success(.conditions(conditions))
    }

    private static func problem(_ message: String) -> CommandSyntaxError {
        CommandSyntaxError(.badParameter, message, keyword: "NOTIFY", expected: usage)
    }

    /// The parameter value, e.g. `SUCCESS,FAILURE`.
    public var value: String {
        switch self {
        case .never: return "NEVER"
        case .conditions(let set):
            return set.isEmpty ? "NEVER" : set.sorted().map(\.rawValue).joined(separator: ",")
        }
    }

    /// The parameter value.
    public var description: String { value }
}
