/// A status response: tagged (the end of a command) or untagged (greeting, warning, BYE).
public struct IMAPStatusResponse: Sendable, Hashable {
    /// OK, NO, BAD, BYE or PREAUTH.
    public var status: IMAPStatus
    /// The bracketed response code, if any.
    public var code: IMAPResponseCode?
    /// The human-readable text after the code.
    public var text: String

    /// A status response.
    public init(status: IMAPStatus, code: IMAPResponseCode? = nil, text: String) {
        self.status = status
        self.code = code
        self.text = text
    }
}
