/// What a basic reply code means, and the commands RFC 5321 §4.3.2 (and the extensions) say may get it.
public struct ReplyCodeInfo: Sendable, Hashable {
    /// The three-digit code.
    public var code: Int
    /// What it means.
    public var meaning: String
    /// The steps whose command may get this code; ``DiagnosisStep/any`` when any command may.
    public var commands: [DiagnosisStep]
    /// Where the fact comes from, such as `RFC 5321 §4.2.2`.
    public var source: String?

    /// Creates a row.
    public init(code: Int, meaning: String, commands: [DiagnosisStep], source: String? = nil) {
        self.code = code
        self.meaning = meaning
        self.commands = commands
        self.source = source
    }

    /// Whether the code is listed as a possible reply at `step` (always true when listed for any command).
    public func isListed(for step: DiagnosisStep) -> Bool {
        step == .any || commands.contains(.any) || commands.contains(step)
    }
}
