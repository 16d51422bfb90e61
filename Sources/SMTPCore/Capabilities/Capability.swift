/// One EHLO keyword line (RFC 5321 §4.1.1.1): a keyword and its parameters, e.g. `SIZE 37748736` or
/// `AUTH PLAIN LOGIN`.
public struct Capability: Sendable, Hashable, CustomStringConvertible {
    /// The keyword as advertised, e.g. `AUTH`.
    public let keyword: String
    /// The parameters after the keyword, split at spaces.
    public let parameters: [String]

    /// Creates a capability.
    public init(keyword: String, parameters: [String] = []) {
        self.keyword = keyword
        self.parameters = parameters
    }

    /// Parses a capability line's text. The old form `AUTH=PLAIN LOGIN` becomes keyword `AUTH` with parameters
    /// `PLAIN LOGIN`. Returns `nil` for a line with no keyword.
    public init?(line: String) {
        // Split on the bytes: a space or tab is ASCII, and splitting on Characters costs far more.
        var words = line.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            .map { String(Substring($0)) }
        guard !words.isEmpty else { return nil }
        var keyword = words.removeFirst()
        if let equals = keyword.utf8.firstIndex(of: UInt8(ascii: "=")), equals != keyword.startIndex {
            let first = String(keyword[keyword.utf8.index(after: equals)...])
            keyword = String(keyword[..<equals])
            if !first.isEmpty { words.insert(first, at: 0) }
        }
        self.init(keyword: keyword, parameters: words)
    }

    /// Whether the keyword is `other`, ignoring case.
    public func has(keyword other: String) -> Bool {
        // Keywords are ASCII (RFC 5321 §4.1.1.1): compared byte by byte without building upper-cased copies.
        guard keyword.utf8.allSatisfy({ $0 < 0x80 }), other.utf8.allSatisfy({ $0 < 0x80 }) else {
            return keyword.uppercased() == other.uppercased()
        }
        return keyword.equalsIgnoringASCIICase(other)
    }

    /// The line as advertised, e.g. `SIZE 37748736`.
    public var description: String { ([keyword] + parameters).joined(separator: " ") }
}
