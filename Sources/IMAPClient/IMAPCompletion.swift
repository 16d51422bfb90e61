/// What one command got back: the untagged responses that arrived while it ran, and its tagged completion.
struct IMAPCompletion {
    /// Untagged responses received before the tagged one, in order.
    var untagged: [IMAPUntaggedResponse]
    /// The tagged status response that ended the command.
    var status: IMAPStatusResponse
}
