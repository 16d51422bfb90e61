/// The class of a reply: the first digit of its reply code (RFC 5321 §4.2.1).
public enum ReplyClass: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 2yz: the requested action was completed.
    case positiveCompletion = 2
    /// 3yz: the command was accepted and more information is needed (354 after DATA, 334 during AUTH).
    case positiveIntermediate = 3
    /// 4yz: not accepted for a reason that may go away; the same command may succeed later.
    case transientNegative = 4
    /// 5yz: not accepted; repeating the same command will fail again.
    case permanentNegative = 5

    /// The class in plain words: "success", "intermediate", "transient failure" or "permanent failure".
    public var description: String {
        switch self {
        case .positiveCompletion: return "success"
        case .positiveIntermediate: return "intermediate"
        case .transientNegative: return "transient failure"
        case .permanentNegative: return "permanent failure"
        }
    }

    /// Whether the class is a failure (4yz or 5yz).
    public var isFailure: Bool { self == .transientNegative || self == .permanentNegative }
}
