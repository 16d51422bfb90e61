import SMTPCore
import SMTPMessage
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
    /// Nothing that is this case's message (or its notification) arrived at `source` within `within`.
    case notArrived(AwaitPlan.Kind, within: Duration, source: String)
    /// This case's message (or a notification about it) arrived, though the step expected nothing to.
    case arrivedUnexpectedly(AwaitPlan.Kind)
    /// This case's message arrived, but not for the step's `to` recipient; `observed` holds whom it arrived for.
    case arrivedForOthers(expected: String, observed: [String])
    /// A header check failed; `observed` holds the header's values (empty when it is absent).
    case header(HeaderCondition, observed: [String])
    /// The body has no match of the step's regular expression.
    case body(pattern: String)
    /// The message arrived with another reverse-path (`nil`: the source does not know the envelope).
    case envelopeFrom(expected: String, observed: String?)
    /// No recipient of the notification has the expected `Action`; `observed` lists what they have.
    case notificationAction(expected: DSNAction, observed: [DSNAction])
    /// No recipient of the notification has a `Status` matching the pattern; `observed` lists theirs.
    case notificationStatus(expected: EnhancedCodePattern, observed: [EnhancedStatusCode])
    /// The notification does not name the expected recipient; `observed` lists those it names.
    case notificationRecipient(expected: String, observed: [String])
    /// The source could not be read (a maildir that is not there, an IMAP server that refused the login).
    case sourceFailed(String)

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
        case .notArrived(let kind, _, _): return kind == .message ? .messageNotArrived : .notificationNotArrived
        case .arrivedUnexpectedly: return .unexpectedArrival
        case .arrivedForOthers: return .messageRecipient
        case .header: return .messageHeader
        case .body: return .messageBody
        case .envelopeFrom: return .messageEnvelope
        case .notificationAction: return .notificationAction
        case .notificationStatus: return .notificationStatus
        case .notificationRecipient: return .notificationRecipient
        case .sourceFailed: return .messageSource
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
        case .notArrived(let kind, let within, let source):
            let what = kind == .message ? "the message" : "no delivery status notification for the message"
            return kind == .message
                ? "\(what) did not arrive at \(source) within \(within.shortText)"
                : "\(what) arrived at \(source) within \(within.shortText)"
        case .arrivedUnexpectedly(let kind):
            return kind == .message
                ? "the message arrived, though the step expected nothing to"
                : "a delivery status notification for the message arrived, though the step expected none"
        case .arrivedForOthers(let expected, let observed):
            return
                "the message arrived for \(observed.isEmpty ? "no recipient the source names" : observed.joined(separator: ", ")), "
                + "not for \(expected)"
        case .header(let condition, let observed):
            switch condition.test {
            case .present: return "header \(condition.name) is absent"
            case .absent: return "header \(condition.name) is present: \(Self.listed(observed))"
            case .matches(let pattern):
                return observed.isEmpty
                    ? "header \(condition.name) is absent (expected /\(pattern)/)"
                    : "header \(condition.name) does not match /\(pattern)/: \(Self.listed(observed))"
            }
        case .body(let pattern): return "the body does not match /\(pattern)/"
        case .envelopeFrom(let expected, let observed):
            guard let observed else { return "the source does not know the envelope sender (expected <\(expected)>)" }
            return "the message arrived from <\(observed)>, expected <\(expected)>"
        case .notificationAction(let expected, let observed):
            return "the notification reports \(Self.listed(observed.map(\.rawValue))), expected \(expected)"
        case .notificationStatus(let expected, let observed):
            return "the notification's status is \(Self.listed(observed.map(\.description))), expected \(expected)"
        case .notificationRecipient(let expected, let observed):
            return "the notification is about \(Self.listed(observed)), not \(expected)"
        case .sourceFailed(let problem): return "cannot read the messages: \(problem)"
        }
    }
}

extension Mismatch {
    /// Values as a mismatch quotes them: `"a", "b"`, or `nothing`.
    static func listed(_ values: [String]) -> String {
        values.isEmpty ? "nothing" : values.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
