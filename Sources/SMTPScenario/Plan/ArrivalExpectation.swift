import SMTPCore
import SMTPMessage

/// What an await step expects: that nothing arrives, or what the arrived message or notification must show.
public enum ArrivalExpectation: Sendable, Hashable {
    /// `expect: none`: nothing may arrive within the step's time.
    case nothing
    /// The message must arrive and meet these checks.
    case message(MessageExpectation)
    /// The notification must arrive and report this.
    case dsn(DSNExpectation)

    /// How the expectation is shown in plans and reports.
    public var summary: String {
        switch self {
        case .nothing: return "nothing arrives"
        case .message(let message): return message.summary
        case .dsn(let dsn): return dsn.summary
        }
    }
}

/// `await-message`'s checks on the message that arrived.
public struct MessageExpectation: Sendable, Hashable {
    /// Header checks, in file order.
    public var headers: [HeaderCondition]
    /// A regular expression the body must contain a match of.
    public var body: String?
    /// The reverse-path the message must have arrived with (empty: the null path).
    public var envelopeFrom: PlanText?

    /// Creates message checks.
    public init(headers: [HeaderCondition] = [], body: String? = nil, envelopeFrom: PlanText? = nil) {
        self.headers = headers
        self.body = body
        self.envelopeFrom = envelopeFrom
    }

    /// `arrives; Subject =~ /^flow/, Received present, body =~ /hello/`.
    public var summary: String {
        var parts = headers.map(\.description)
        if let body { parts.append("body =~ /\(body)/") }
        if let envelopeFrom { parts.append("envelope from <\(envelopeFrom.redacted())>") }
        return parts.isEmpty ? "arrives" : "arrives; " + parts.joined(separator: ", ")
    }
}

/// One header check: the header is present, absent, or (any instance of it) matches a regular expression.
public struct HeaderCondition: Sendable, Hashable, CustomStringConvertible {
    /// What is checked.
    public enum Test: Sendable, Hashable {
        /// Some instance of the header has a value matching the regular expression.
        case matches(String)
        /// The header appears at least once.
        case present
        /// The header does not appear.
        case absent
    }

    /// The header's name, as written.
    public var name: String
    /// What is checked.
    public var test: Test

    /// Creates a header check.
    public init(name: String, test: Test) {
        self.name = name
        self.test = test
    }

    /// `Subject =~ /^flow/`, `Received present`, `X-Spam-Flag absent`.
    public var description: String {
        switch test {
        case .matches(let pattern): return "\(name) =~ /\(pattern)/"
        case .present: return "\(name) present"
        case .absent: return "\(name) absent"
        }
    }
}

/// `await-dsn`'s checks on the per-recipient fields of the notification.
public struct DSNExpectation: Sendable, Hashable {
    /// The `Action` the recipient's fields must report.
    public var action: DSNAction?
    /// The pattern the recipient's `Status` must match.
    public var status: EnhancedCodePattern?
    /// The recipient (Original- or Final-Recipient) whose fields are judged; any recipient when absent.
    public var recipient: PlanText?

    /// Creates notification checks.
    public init(action: DSNAction? = nil, status: EnhancedCodePattern? = nil, recipient: PlanText? = nil) {
        self.action = action
        self.status = status
        self.recipient = recipient
    }

    /// `arrives; action relayed, status 2.x.x, recipient kate@relay.example`.
    public var summary: String {
        var parts: [String] = []
        if let action { parts.append("action \(action)") }
        if let status { parts.append("status \(status)") }
        if let recipient { parts.append("recipient \(recipient.redacted())") }
        return parts.isEmpty ? "arrives" : "arrives; " + parts.joined(separator: ", ")
    }
}
