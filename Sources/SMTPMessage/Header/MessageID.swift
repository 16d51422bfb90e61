/// A message identifier, msg-id (RFC 5322 §3.6.4): `<id-left@id-right>`.
///
/// Two identifiers are equal when their id-left is the same and their id-right is the same ignoring ASCII case
/// (id-right is usually a domain): ``normalized`` is the form compared.
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    /// The part before the last `@`, as written.
    public let idLeft: String
    /// The part after the last `@`, as written.
    public let idRight: String

    /// Reads a msg-id from a field body: optional comments and white space, `<`, id-left `@` id-right, `>`, then
    /// only comments and white space. Returns `nil` when it is not that shape, a side is empty, or the identifier
    /// has white space, a control character, `<` or `>` inside it.
    public init?(parsing text: String) {
        var scanner = StructuredScanner(text)
        guard scanner.skipCFWS(), scanner.take(UInt8(ascii: "<")) else { return nil }
        let inner = scanner.run { $0 != UInt8(ascii: ">") }
        guard scanner.take(UInt8(ascii: ">")), scanner.skipCFWS(), scanner.isAtEnd else { return nil }
        guard inner.allSatisfy({ $0 > 32 && $0 != 127 && $0 != UInt8(ascii: "<") }),
            let at = inner.lastIndex(of: UInt8(ascii: "@")), at > inner.startIndex, at < inner.endIndex - 1
        else { return nil }
        idLeft = ASCII.text(inner[inner.startIndex..<at])
        idRight = ASCII.text(inner[(at + 1)...])
    }

    /// `<id-left@id-right>` with id-right's ASCII letters in lower case: the form two identifiers are compared in.
    public var normalized: String {
        "<\(idLeft)@\(String(decoding: idRight.utf8.map(HeaderField.lowerASCII), as: UTF8.self))>"
    }

    /// `<id-left@id-right>` as written.
    public var description: String { "<\(idLeft)@\(idRight)>" }

    /// Whether two identifiers are the same message's (see ``normalized``).
    public static func == (left: MessageID, right: MessageID) -> Bool {
        left.normalized == right.normalized
    }

    /// Hashes ``normalized``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(normalized)
    }
}
