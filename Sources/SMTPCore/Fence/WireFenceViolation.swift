/// A character a value cannot hold in its ``WireSlot``, found by ``WireFence``.
public struct WireFenceViolation: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the character.
    public enum Kind: Sendable, Hashable {
        /// A CR or LF that would end the line and start another (a command, a header line).
        case lineBreak
        /// A NUL, which C code on the other side takes for the end of the string, and which no SMTP command,
        /// host name, credential or 7bit/8bit message (RFC 2045 §2.7-2.8) may hold.
        case nul
        /// SOH, which separates XOAUTH2's fields.
        case fieldSeparator
        /// A character RFC 5322 §3.6.8's `ftext` does not allow in a header name (a colon, a space, a control
        /// character, or a non-ASCII character).
        case notFieldName
        /// An empty header name.
        case emptyFieldName
    }

    /// The slot the value was meant for.
    public var slot: WireSlot
    /// What is wrong.
    public var kind: Kind
    /// The character, `nil` for an empty header name.
    public var character: Unicode.Scalar?
    /// Its 0-based offset in the value, in Unicode scalars.
    public var offset: Int

    /// Creates a violation.
    public init(slot: WireSlot, kind: Kind, character: Unicode.Scalar?, offset: Int) {
        self.slot = slot
        self.kind = kind
        self.character = character
        self.offset = offset
    }

    /// The character as messages show it: `CR (\r)`, `LF (\n)`, `NUL (\0)`, `":"`.
    public var characterName: String {
        guard let character else { return "nothing" }
        switch character {
        case "\r": return "CR (\\r)"
        case "\n": return "LF (\\n)"
        case "\0": return "NUL (\\0)"
        case "\u{01}": return "SOH (\\u{1})"
        default: return "\"\(WireFence.escaped(String(character)))\""
        }
    }

    /// Why the character cannot be there, without saying where it is (a message about a secret value uses this
    /// alone).
    public var reason: String {
        switch (kind, slot) {
        case (.lineBreak, .headerValue):
            return "a CR or LF in a header value must be CRLF followed by a space or tab (folding, RFC 5322 "
                + "§2.2.3); anything else starts a new header line"
        case (.lineBreak, .host):
            return "a host name is one line"
        case (.lineBreak, .credential):
            return "SASLprep (RFC 4013 §2.3) prohibits control characters in user names and passwords"
        case (.lineBreak, _):
            return "it would end the command line and inject another SMTP command"
        case (.nul, .messageText):
            return "7bit and 8bit message data holds no NUL (RFC 2045 §2.7-2.8, RFC 5322 §2.3); send binary "
                + "content with bdat"
        case (.nul, .credential):
            return "NUL separates AUTH PLAIN's fields (RFC 4616 §2)"
        case (.nul, .headerValue):
            return "a header field holds no NUL (RFC 5322 §2.2)"
        case (.nul, .host):
            return "the resolver would stop reading the host name there"
        case (.nul, _):
            return "no SMTP command allows it (RFC 5321 §4.1), and a server in C would stop reading the line there"
        case (.fieldSeparator, _):
            return "SOH separates XOAUTH2's fields"
        case (.notFieldName, _):
            return "a header name is printable ASCII without a colon or space (RFC 5322 §3.6.8 ftext)"
        case (.emptyFieldName, _):
            return "a header name has at least one character (RFC 5322 §3.6.8)"
        }
    }

    /// The violation in one sentence, with the character and where it is: `LF (\n) at character 4 of the header
    /// name: a header name is printable ASCII ...`.
    public var description: String {
        if kind == .emptyFieldName { return "the header name is empty: \(reason)" }
        return "\(characterName) at character \(offset + 1) of the \(slot): \(reason)"
    }
}
