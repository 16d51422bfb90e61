/// The MAIL `RET=` value (RFC 3461 §4.3): what a failure DSN returns of the message.
public enum DSNReturn: String, Sendable, Hashable, CaseIterable {
    /// `RET=FULL`: the whole message.
    case full = "FULL"
    /// `RET=HDRS`: the headers only.
    case headers = "HDRS"

    /// Parses `FULL` or `HDRS`, ignoring case.
    public init?(parsing text: String) {
        self.init(rawValue: text.uppercased())
    }
}
