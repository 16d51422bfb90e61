import SMTPCore
import SMTPRunner
import SMTPScenario
import SMTPYAML

/// Everything a failure report says about one failed case: where the failing step is written, what it sent,
/// what it expected and what came back, what that means, the possible reasons from the catalogue, and the
/// transcript up to the failure.
///
/// SMTPDiagnosis builds it from a ``ScenarioResult`` and the catalogue; every reporter (console, JUnit, JSON,
/// TAP, HTML, transcripts) renders this same data.
public struct FailureExplanation: Sendable, Hashable {
    /// Where the failing step is written: `file:line:col`.
    public var location: SourceLocation
    /// The failing step's verb.
    public var verb: Verb
    /// The failing step's `name`, if the file gave one.
    public var stepName: String?
    /// The step as the reasons catalogue keys it (`end-of-data` for the reply after a message's final dot).
    public var diagnosisStep: DiagnosisStep
    /// The exact first line the step sent (secrets masked), or `nil` when it sent none (`open`).
    public var sent: String?
    /// For `open`: the address connected to or tried, as `host:port`.
    public var peer: String?
    /// The expectation as written (`2xx`) or the verb's default, with its capability and TLS checks.
    public var expected: String
    /// What came back: the reply's lines in wire form (`550 5.1.1 User unknown`), or the transport failure in
    /// words when no reply came.
    public var got: [String]
    /// The reply, when one came.
    public var reply: Reply?
    /// How the step failed, as the runner put it.
    public var failure: StepFailure
    /// The transport failure the catalogue was asked about, when no reply was judged.
    public var transportFailure: TransportFailureKind?
    /// Every mismatch of the step, explained, in the order the runner found them.
    public var mismatches: [ExplainedMismatch]
    /// What the first mismatch means: for a wrong reply, the class, subject and detail of its enhanced status code
    /// (`permanent failure; addressing status; bad destination mailbox`) or the catalogue's meaning; otherwise the
    /// catalogue's meaning of the mismatch kind.
    public var meaning: String
    /// The possible reasons of every mismatch, the first mismatch's first, without repeats.
    public var reasons: [String]
    /// What to check next, from the catalogue.
    public var hints: [String]
    /// The runner's notes on the step (out of sequence, an unadvertised AUTH mechanism) and remarks about the reply
    /// itself (an enhanced class that contradicts the code, an unusual code for the step).
    public var notes: [String]
    /// The session transcript from its start up to and including the failure.
    public var transcript: [TranscriptEntry]
    /// Whether this is a transport or runtime error (timeout, refused connection, TLS, protocol defect, a step
    /// the runner refused) rather than a reply the expectation did not accept. JUnit reports it as `<error>`.
    public var isError: Bool
    /// For an await step: what did arrive (this case's message first, then the latest others).
    public var arrivals: [ArrivalSummary] = []

    /// Creates an explanation.
    public init(
        location: SourceLocation,
        verb: Verb,
        stepName: String? = nil,
        diagnosisStep: DiagnosisStep,
        sent: String?,
        peer: String? = nil,
        expected: String,
        got: [String],
        reply: Reply?,
        failure: StepFailure,
        transportFailure: TransportFailureKind?,
        mismatches: [ExplainedMismatch] = [],
        meaning: String,
        reasons: [String],
        hints: [String] = [],
        notes: [String] = [],
        transcript: [TranscriptEntry],
        isError: Bool
    ) {
        self.location = location
        self.verb = verb
        self.stepName = stepName
        self.diagnosisStep = diagnosisStep
        self.sent = sent
        self.peer = peer
        self.expected = expected
        self.got = got
        self.reply = reply
        self.failure = failure
        self.transportFailure = transportFailure
        self.mismatches = mismatches
        self.meaning = meaning
        self.reasons = reasons
        self.hints = hints
        self.notes = notes
        self.transcript = transcript
        self.isError = isError
    }

    /// The step as the failure heading shows it: the verb, then the line sent without its command word when
    /// that word is the verb (`rcpt TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE`), else the whole line
    /// (`mail-from MAIL FROM:<chris@contoso.com>`); for `open`, the peer.
    public var stepText: String {
        guard let sent else {
            if let peer { return "\(verb.keyword) \(peer)" }
            return verb.keyword
        }
        let word = verb.keyword.uppercased()
        if sent.uppercased() == word { return verb.keyword }
        if sent.uppercased().hasPrefix(word + " ") {
            return verb.keyword + " " + sent.dropFirst(word.count + 1)
        }
        return "\(verb.keyword) \(sent)"
    }

    /// The heading line of a failure report, without a status word: `inbound.smtp.yaml:18:5  rcpt TO:<…>`.
    public var heading: String { "\(location)  \(stepText)" }

    /// `got` as one line: the reply's lines joined by ` / `, or the failure in words.
    public var gotText: String { got.joined(separator: " / ") }

    /// The mismatches a report lists beside `got`: those `got` does not already say.
    public var listedMismatches: [ExplainedMismatch] { mismatches.filter { !$0.isShownByGot } }

    /// The failure in one line, naming the actual mismatch, for JUnit's `message=` and TAP's `message`:
    /// `expected 2xx, got 550 5.1.1 User unknown`, or `capability SMTPUTF8 is not advertised; …`, with the runner's
    /// notes after it.
    public var summary: String {
        var parts: [String] = []
        if mismatches.first?.isShownByGot ?? true {
            parts.append("expected \(expected), got \(gotText)")
        }
        parts += listedMismatches.map(\.summary)
        parts += failure.notes.map { "note: \($0)" }
        return parts.joined(separator: "; ")
    }
}
