/// What a reply (or a transport failure) at a step means, and its possible reasons, from the catalogue.
///
/// This is the data every reporter and `smtpspec explain` render: the meaning of the basic code, the class,
/// subject and detail of the enhanced code, the possible reasons (most specific entry first) and the entries
/// that gave them.
public struct Diagnosis: Sendable, Hashable {
    /// The step the reply came at.
    public var step: DiagnosisStep
    /// The basic reply code, when there was a reply.
    public var code: Int?
    /// The reply's text, when there was a reply.
    public var text: String?
    /// The transport failure, when there was no reply.
    public var transportFailure: TransportFailureKind?
    /// The basic code's row of the catalogue, when the code is known.
    public var codeInfo: ReplyCodeInfo?
    /// The meaning of the code's first digit.
    public var replyClass: CatalogueTerm?
    /// The meaning of the code's second digit.
    public var replyCategory: CatalogueTerm?
    /// The class, subject and detail of the enhanced status code, when the reply has one.
    public var enhanced: EnhancedCodeMeaning?
    /// The transport failure's meaning, when there was no reply.
    public var failureInfo: TransportFailureInfo?
    /// The entries that matched, most specific first (team entries before bundled ones at the same level).
    public var matches: [DiagnosisMatch]
    /// The possible reasons, from the matched entries in order, without repeats.
    public var reasons: [String]
    /// What to check or do next, from the matched entries in order.
    public var hints: [String]
    /// Remarks about the reply itself: an enhanced class that contradicts the code, a code RFC 5321 does not list
    /// for the step.
    public var notes: [String]

    /// Creates a diagnosis.
    public init(
        step: DiagnosisStep,
        code: Int? = nil,
        text: String? = nil,
        transportFailure: TransportFailureKind? = nil,
        codeInfo: ReplyCodeInfo? = nil,
        replyClass: CatalogueTerm? = nil,
        replyCategory: CatalogueTerm? = nil,
        enhanced: EnhancedCodeMeaning? = nil,
        failureInfo: TransportFailureInfo? = nil,
        matches: [DiagnosisMatch] = [],
        reasons: [String] = [],
        hints: [String] = [],
        notes: [String] = []
    ) {
        self.step = step
        self.code = code
        self.text = text
        self.transportFailure = transportFailure
        self.codeInfo = codeInfo
        self.replyClass = replyClass
        self.replyCategory = replyCategory
        self.enhanced = enhanced
        self.failureInfo = failureInfo
        self.matches = matches
        self.reasons = reasons
        self.hints = hints
        self.notes = notes
    }

    /// The meaning of the basic code: the catalogue's row, or else its class's meaning.
    public var codeMeaning: String? {
        if let codeInfo { return codeInfo.meaning }
        if let replyClass {
            var meaning = "\(replyClass.name): \(replyClass.meaning)"
            if let replyCategory { meaning += " (\(replyCategory.name))" }
            return meaning
        }
        return nil
    }

    /// The most specific matched entry's own meaning, if it gives one.
    public var entryMeaning: String? {
        matches.lazy.compactMap(\.entry.meaning).first
    }

    /// The one-line meaning of a failure report: the enhanced code's class, subject and detail when the reply
    /// has one (`permanent failure; addressing status; bad destination mailbox`); else the most specific entry's
    /// meaning; else the basic code's or the transport failure's.
    public var meaning: String {
        if let enhanced { return enhanced.summary }
        if let entryMeaning { return entryMeaning }
        if let failureInfo { return failureInfo.meaning }
        return codeMeaning ?? "no meaning in the catalogue"
    }
}
