/// The untagged responses (`* ...`) the client understands; everything else is kept as ``other(_:)``.
public enum IMAPUntaggedResponse: Sendable, Hashable {
    /// `* OK`, `* NO`, `* BAD`, `* BYE` or `* PREAUTH`, with any response code.
    case status(IMAPStatusResponse)
    /// `* CAPABILITY ...`: the capabilities, as sent.
    case capability([String])
    /// `* SEARCH 3 7 9` (IMAP4rev1): the matching numbers, in the order sent.
    case search([UInt32])
    /// `* ESEARCH (TAG "A5") UID ALL 3,7:9` (RFC 4731, IMAP4rev2): the command's tag if given, whether the
    /// numbers are UIDs, and the `ALL` set expanded (empty when the search matched nothing).
    case esearch(tag: String?, uid: Bool, all: [UInt32])
    /// `* 12 FETCH (...)`: the message's sequence number, its UID if sent, and its `BODY[]` if sent.
    case fetch(sequence: UInt32, uid: UInt32?, body: [UInt8]?)
    /// `* 12 EXISTS`, `* 3 EXPUNGE`, `* 0 RECENT` and the like: the number and the keyword, upper-cased.
    case numbered(UInt32, String)
    /// Any other untagged response: its keyword, upper-cased (`FLAGS`, `LIST`, `ENABLED`, ...).
    case other(String)
}
