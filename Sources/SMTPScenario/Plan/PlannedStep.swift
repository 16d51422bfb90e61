import SMTPCore
import SMTPYAML

/// One step of a session plan: what to send, what to expect back, how long to wait, and where
/// in the scenario it was written.
public struct PlannedStep: Sendable, Hashable {
    /// The step's position in its list, from 0 (within a pipeline: within the group).
    public var index: Int
    /// The verb the step uses.
    public var verb: Verb
    /// The SMTP command the step sends, decided once by the compiler (`send` lines are parsed here, not by the
    /// runner); `nil` for `sleep` and `pipeline`. For `bdat` it is the last chunk's `BDAT LAST`.
    public var command: CommandKind?
    /// The step's `name`, if the file gave one.
    public var name: String?
    /// Where the step's verb is written.
    public var location: SourceLocation
    /// What the step does.
    public var action: PlannedAction
    /// What the step expects back.
    public var expectation: Expectation
    /// How long to wait for the step's reply (for `data`: for the final reply after the dot).
    public var timeout: Duration
    /// A timing assertion: the reply must arrive within this long, or the step fails.
    public var within: Duration?
    /// Variables to capture from the reply text.
    public var captures: [Capture]

    /// Creates a step.
    public init(
        index: Int,
        verb: Verb,
        command: CommandKind? = nil,
        name: String? = nil,
        location: SourceLocation,
        action: PlannedAction,
        expectation: Expectation,
        timeout: Duration,
        within: Duration? = nil,
        captures: [Capture] = []
    ) {
        self.index = index
        self.verb = verb
        self.command = command ?? Self.commandKind(of: verb, action: action)
        self.name = name
        self.location = location
        self.action = action
        self.expectation = expectation
        self.timeout = timeout
        self.within = within
        self.captures = captures
    }
}

extension PlannedStep {
    /// The command a step with `verb` and `action` sends: the verb's own, or for `send` the command its literal
    /// line is (a line whose verb comes from a run-time capture is `.raw`).
    public static func commandKind(of verb: Verb, action: PlannedAction) -> CommandKind? {
        if let kind = verb.commandKind { return kind }
        guard verb == .send, case .command(let line) = action else { return nil }
        return line.captureNames.isEmpty ? CommandKind(rawLine: line.wire()) : .raw
    }
}

/// `capture: {name: regex}`: stores the first group (or the whole match) of the reply text.
public struct Capture: Sendable, Hashable {
    /// The variable name later steps use as `${name}`.
    public var name: String
    /// The regular expression, applied to the reply text (all lines joined by `\n`).
    public var pattern: String
    /// Where the capture is written.
    public var location: SourceLocation

    /// Creates a capture.
    public init(name: String, pattern: String, location: SourceLocation) {
        self.name = name
        self.pattern = pattern
        self.location = location
    }
}
