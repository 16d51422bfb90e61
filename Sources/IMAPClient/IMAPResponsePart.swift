/// A piece of one response as framed: the text of a line (without CRLF and without a trailing literal marker)
/// or the octets of a literal.
enum IMAPResponsePart: Sendable, Hashable {
    /// Line text.
    case text([UInt8])
    /// Literal octets (`{n}` or `~{n}`), sent after the line that announced them.
    case literal([UInt8])
}
