import Foundation
import SMTPCore
import SMTPScenario

/// What happened at one step: what was sent, what came back, and whether that was what the step expected.
public struct StepResult: Sendable, Hashable {
    /// The step's position in its list, from 0 (within a pipeline: within the group).
    public var index: Int
    /// The step's verb.
    public var verb: Verb
    /// The SMTP command the compiler planned for the step (`nil` for `sleep` and `pipeline`).
    public var command: CommandKind?
    /// The step's `name`, if the file gave one.
    public var name: String?
    /// Where the step is written.
    public var location: SourceLocation
    /// The command lines sent, without CRLF, with secrets shown as `******` (message content is not listed).
    public var sentLines: [String]
    /// The reply the step is judged on (for `data`: the reply to DATA when refused, otherwise the reply after
    /// the final dot); `nil` when none came.
    public var reply: Reply?
    /// Which of the step's replies ``reply`` is.
    public var replyRole: ReplyRole
    /// In an LMTP session, the reply after the message for each accepted recipient, in RCPT order.
    public var recipientReplies: [RecipientReply]
    /// Replies before the judged one: the 354 of DATA, the 334 challenges of AUTH, earlier BDAT chunks.
    public var intermediateReplies: [Reply]
    /// Whether the step met its expectation.
    public var verdict: StepVerdict
    /// How it failed, when it did.
    public var failure: StepFailure?
    /// What the step expected (as compiled, with how it was written).
    public var expectation: Expectation
    /// When the step started.
    public var startedAt: Date
    /// From sending the command (or connecting) to the judged reply.
    public var duration: Duration
    /// Variables captured from the reply, by name.
    public var captured: [String: String]
    /// For `open` and `starttls`: what the TLS session and the peer certificate were.
    public var tls: TLSFacts?
    /// For `open`: the address connected to (or tried last), as `host:port`.
    public var peer: String?
    /// For `pipeline`: the results of the grouped steps, in order.
    public var substeps: [StepResult]
    /// For `await-message` and `await-dsn`: the message that matched, or, when the step failed, what did arrive
    /// (this case's messages first, then the latest others).
    public var arrivals: [ArrivalSummary] = []
    /// The step's lines in the case's transcript (``ScenarioResult/transcript``), as recorded while it was played.
    public var transcriptRange: Range<Int>

    /// Creates a result.
    public init(
        index: Int,
        verb: Verb,
        command: CommandKind? = nil,
        name: String? = nil,
        location: SourceLocation,
        sentLines: [String] = [],
        reply: Reply? = nil,
        replyRole: ReplyRole = .command,
        recipientReplies: [RecipientReply] = [],
        intermediateReplies: [Reply] = [],
        verdict: StepVerdict,
        failure: StepFailure? = nil,
        expectation: Expectation,
        startedAt: Date,
        duration: Duration = .zero,
        captured: [String: String] = [:],
        tls: TLSFacts? = nil,
        peer: String? = nil,
        substeps: [StepResult] = [],
        transcriptRange: Range<Int> = 0..<0
    ) {
        self.index = index
        self.verb = verb
        self.command = command
        self.name = name
        self.location = location
        self.sentLines = sentLines
        self.reply = reply
        self.replyRole = replyRole
        self.recipientReplies = recipientReplies
        self.intermediateReplies = intermediateReplies
        self.verdict = verdict
        self.failure = failure
        self.expectation = expectation
        self.startedAt = startedAt
        self.duration = duration
        self.captured = captured
        self.tls = tls
        self.peer = peer
        self.substeps = substeps
        self.transcriptRange = transcriptRange
    }

    /// The expectation as written (`2xx`, `250 | 251`) or the verb's default.
    public var expected: String { expectation.source }

    /// Whether the step (and every grouped step) passed.
    public var passed: Bool { verdict == .passed }

    /// The first line sent, as a failure report quotes it (`RCPT TO:<kate@fabrikam.com>`), or the verb.
    public var firstLine: String { sentLines.first ?? verb.keyword }

    /// The step itself if it failed, else the first failing grouped step.
    public var firstFailure: StepResult? {
        if verdict == .failed || verdict == .refused {
            return substeps.first { $0.verdict == .failed || $0.verdict == .refused } ?? self
        }
        return nil
    }
}

extension StepResult {
    /// The result with its transcript range set to `start..<end` (and its grouped steps' too).
    func recorded(from start: Int, to end: Int) -> StepResult {
        var copy = self
        copy.transcriptRange = start..<max(start, end)
        copy.substeps = substeps.map { $0.recorded(from: start, to: end) }
        return copy
    }
}
