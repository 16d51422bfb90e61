import SMTPCore
import SMTPScenario

/// One way a step did not get what it expected, typed: what was expected and what was observed, so that the
/// diagnosis and every report can say it without reading text back.
public enum Mismatch: Sendable, Hashable, CustomStringConvertible {
    /// The reply's code or enhanced status code is not among the expected alternatives.
    case reply(Reply)
    /// The reply text does not match the step's `text:` regular expression.
    case replyText(pattern: String)
    /// A required capability is not advertised at all.
    case capabilityMissing(CapabilityRequirement)
    /// A required capability is advertised without the required parameter (`AUTH PLAIN`); `advertised` holds the
    /// parameters it has.
    case capabilityParameter(CapabilityRequirement, advertised: [String])
    /// A capability's number fails its comparison (`SIZE >= 10485760`), or it has no number; `advertised` holds
    /// its parameters.
    case capabilityComparison(CapabilityRequirement, advertised: [String])
    /// A capability the step says the server `lacks` is advertised.
    case capabilityPresent(String)
    /// A TLS fact did not hold.
    case tls(TLSFactMismatch)
    /// The reply came, later than the step's `within`; `phase` is ``FailurePhase/greeting`` for the greeting.
    case tooSlow(limit: Duration, took: Duration, phase: FailurePhase)
    /// In an LMTP session, the reply for one recipient after the message (RFC 2033 §4.2) does not meet its
    /// expectation.
    case recipientReply(RecipientReply)
    /// No reply could be read: the connection failed, timed out, closed, TLS failed, or the server broke the
    /// protocol; `phase` says where.
    case transport(TransportError, phase: FailurePhase)
    /// The step expected `no-connection`, but `peer` accepted the connection.
    case unexpectedConnection(peer: String)
    /// The reply's enhanced status code contradicts its reply code (a server defect, RFC 3463 §2).
    case enhancedCodeContradiction(Reply)
    /// The runner refused to play the step; nothing was sent.
    case refused(Refusal)

    /// The kind, as the catalogue's `mismatches:` section keys it.
    public var kind: MismatchKind {
        switch self {
        case .reply: return .reply
        case .replyText: return .text
        case .capabilityMissing: return .capabilityMissing
        case .capabilityParameter: return .capabilityParameter
        case .capabilityComparison: return .capabilityComparison
        case .capabilityPresent: return .capabilityPresent
        case .tls(let fact): return MismatchKind(fact.fact)
        case .tooSlow(_, _, let phase): return phase == .greeting ? .greetingTooSlow : .tooSlow
        case .recipientReply: return .recipientReply
        case .transport(let error, let phase): return MismatchKind(error, phase: phase)
        case .unexpectedConnection: return .unexpectedConnection
        case .enhancedCodeContradiction: return .protocolDefect
        case .refused: return .refused
        }
    }

    /// The mismatch in one sentence, secrets as the step recorded them.
    public var description: String {
        switch self {
        case .reply(let reply): return "got \(reply)"
        case .replyText(let pattern): return "the reply text does not match /\(pattern)/"
        case .capabilityMissing(let requirement): return "capability \(requirement.keyword) is not advertised"
        case .capabilityParameter(let requirement, let advertised):
            let shown = advertised.isEmpty ? "no parameters" : advertised.joined(separator: " ")
            return "capability \(requirement.keyword) lacks \(requirement.parameter ?? "") (advertised: \(shown))"
        case .capabilityComparison(let requirement, let advertised):
            let comparison = requirement.comparison.map(String.init(describing:)) ?? ""
            guard let value = advertised.first, Int(value) != nil else {
                return "capability \(requirement.keyword) has no number to compare \(comparison)"
            }
            return "capability \(requirement.keyword) is \(value), expected \(comparison)"
        case .capabilityPresent(let keyword): return "capability \(keyword) is advertised but should not be"
        case .tls(let fact): return fact.description
        case .tooSlow(let limit, let took, _):
            return "the reply came after \(took.shortText), expected within \(limit.shortText)"
        case .recipientReply(let recipient): return recipient.description
        case .transport(let error, let phase): return error.sentence(phase: phase)
        case .unexpectedConnection(let peer): return "expected no connection, but \(peer) accepted it"
        case .enhancedCodeContradiction(let reply):
            return "protocol defect: enhanced code \(reply.enhancedStatusCode?.description ?? "?") contradicts "
                + "reply code \(reply.code) (RFC 3463 §2)"
        case .refused(let reason): return reason.description
        }
    }
}
