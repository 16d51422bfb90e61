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
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return nil }
        var keyword = words.removeFirst()
        if let equals = keyword.firstIndex(of: "="), equals != keyword.startIndex {
            let first = String(keyword[keyword.index(after: equals)...])
            keyword = String(keyword[..<equals])
            if !first.isEmpty { words.insert(first, at: 0) }
        }
        self.init(keyword: keyword, parameters: words)
    }

    /// Whether the keyword is `other`, ignoring case.
    public func has(keyword other: String) -> Bool { keyword.uppercased() == other.uppercased() }

    /// The line as advertised, e.g. `SIZE 37748736`.
    public var description: String { ([keyword] + parameters).joined(separator: " ") }
}
