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
        var line = line
        // Split on the bytes, in place: a space or tab is ASCII, and splitting on Characters costs far more.
        guard let (keyword, parameters) = line.withUTF8({ Self.words(of: $0) }) else { return nil }
        self.init(keyword: keyword, parameters: parameters)
    }

    /// The keyword and parameters of an EHLO line's bytes; `KEYWORD=VALUE` (seen from some servers, as in
    /// `AUTH=LOGIN`) is read as the keyword and a first parameter.
    private static func words(of bytes: UnsafeBufferPointer<UInt8>) -> (String, [String])? {
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        // The word starting at or after `index`, if any; words are found one at a time, with no list of them.
        func word(from index: Int) -> Range<Int>? {
            var start = index
            while start < bytes.count && isBlank(bytes[start]) { start += 1 }
            guard start < bytes.count else { return nil }
            var end = start + 1
            while end < bytes.count && !isBlank(bytes[end]) { end += 1 }
            return start..<end
        }
        guard let head = word(from: 0) else { return nil }
        var keyword = head
        var attached: Range<Int>?
        if let equals = head.first(where: { bytes[$0] == UInt8(ascii: "=") }), equals != head.lowerBound {
            keyword = head.lowerBound..<equals
            if equals + 1 < head.upperBound { attached = equals + 1..<head.upperBound }
        }
        // Counted first, so that a line with parameters makes one array of the right size and a bare keyword
        // (most lines) none.
        var count = attached == nil ? 0 : 1
        var next = head.upperBound
        while let range = word(from: next) {
            count += 1
            next = range.upperBound
        }
        var parameters: [String] = []
        if count > 0 {
            parameters.reserveCapacity(count)
            if let attached { parameters.append(text(attached)) }
            next = head.upperBound
            while let range = word(from: next) {
                parameters.append(text(range))
                next = range.upperBound
            }
        }
        return (text(keyword), parameters)
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
