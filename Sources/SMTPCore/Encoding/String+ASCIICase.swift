/// Inlinable, so that callers in other modules get it specialized for their `String` or `Substring`: a generic
/// walk over the UTF-8 view through the protocol costs more than upper-casing a copy.
extension StringProtocol {
    /// Whether the text starts with `prefix`, ASCII letters compared without case: SMTP's verbs, keywords and
    /// `FROM:` / `TO:` are ASCII and case-insensitive (RFC 5321 §2.4). Compared byte by byte, with no upper-cased
    /// copy of either text; a non-ASCII byte matches only itself.
    @inlinable
    public func hasPrefixIgnoringASCIICase(_ prefix: some StringProtocol) -> Bool {
        var mine = utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = mine.next(), Self.asciiUpper(byte) == Self.asciiUpper(expected) else { return false }
        }
        return true
    }

    /// Whether the text is `other`, ASCII letters compared without case (see ``hasPrefixIgnoringASCIICase(_:)``).
    @inlinable
    public func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        utf8.count == other.utf8.count && hasPrefixIgnoringASCIICase(other)
    }

    /// The text with its ASCII letters upper-cased and every other octet as written, as a command verb is compared:
    /// verbs are ASCII, so `quıt` (a dotless i) stays an unknown verb instead of becoming `QUIT` by Unicode's rules.
    @inlinable
    public var uppercasedVerb: String {
        guard utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return String(self) }
        return String(decoding: utf8.map(Self.asciiUpper), as: UTF8.self)
    }

    @usableFromInline
    static func asciiUpper(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte
    }
}
