/// Which of a step's replies ``StepResult/reply`` is: a step that sends more than once gets more than one reply,
/// and the catalogue explains them differently.
public enum ReplyRole: String, Sendable, Hashable, CaseIterable {
    /// The greeting after connecting.
    case greeting
    /// The reply to the step's command (for AUTH: the final one after the exchange).
    case command
    /// The reply to DATA itself, when it was not 354.
    case dataCommand = "data-command"
    /// The reply after the message's final dot, or to BDAT LAST (for LMTP: the first recipient's).
    case endOfData = "end-of-data"
    /// The reply to a BDAT chunk before the last.
    case chunk
}
