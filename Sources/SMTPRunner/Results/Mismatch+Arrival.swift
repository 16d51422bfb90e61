import SMTPCore

extension Mismatch {
    /// For a mail-flow mismatch (an await step's): what the step asked for, as reports show it.
    public var arrivalExpected: String? {
        switch self {
        case .notArrived(_, let within, _): return "arrives within \(within.shortText)"
        case .arrivedUnexpectedly: return "nothing arrives"
        case .arrivedForOthers(let expected, _): return expected
        case .header(let condition, _): return condition.description
        case .body(let pattern): return "/\(pattern)/"
        case .envelopeFrom(let expected, _): return "<\(expected)>"
        case .notificationAction(let expected, _): return expected.rawValue
        case .notificationStatus(let expected, _): return expected.description
        case .notificationRecipient(let expected, _): return expected
        default: return nil
        }
    }

    /// For a mail-flow mismatch: what was observed, as reports show it.
    public var arrivalObserved: String? {
        switch self {
        case .arrivedForOthers(_, let observed), .notificationRecipient(_, let observed):
            return observed.joined(separator: ", ")
        case .header(_, let observed): return observed.isEmpty ? "absent" : observed.joined(separator: " | ")
        case .envelopeFrom(_, let observed): return observed.map { "<\($0)>" }
        case .notificationAction(_, let observed): return observed.map(\.rawValue).joined(separator: ", ")
        case .notificationStatus(_, let observed): return observed.map(\.description).joined(separator: ", ")
        case .sourceFailed(let problem): return problem
        default: return nil
        }
    }
}
