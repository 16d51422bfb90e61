/// What a server advertised in its EHLO reply: the first line is its domain and greeting, every later line a
/// capability (RFC 5321 §4.1.1.1).
public struct EHLOCapabilities: Sendable, Hashable {
    /// The domain the server named on the first line.
    public let domain: String
    /// The rest of the first line after the domain.
    public let greeting: String
    /// The capabilities in the order advertised.
    public let capabilities: [Capability]

    /// Creates capabilities directly (for example to build a mock server's EHLO reply).
    public init(domain: String, greeting: String = "", capabilities: [Capability]) {
        self.domain = domain
        self.greeting = greeting
        self.capabilities = capabilities
    }

    /// Reads an EHLO reply. Non-2xx replies give no capabilities.
    public init(reply: Reply) {
        let first = reply.lines[0].trimmingSpaces
        if let space = first.firstIndex(of: " ") {
            domain = String(first[..<space])
            greeting = String(first[first.index(after: space)...]).trimmingSpaces
        } else {
            domain = first
            greeting = ""
        }
        capabilities =
            reply.code.replyClass == .positiveCompletion
            ? reply.lines.dropFirst().compactMap(Capability.init(line:)) : []
    }

    /// The keywords in the order advertised.
    public var keywords: [String] { capabilities.map(\.keyword) }

    /// Whether a keyword was advertised, ignoring case.
    public func contains(_ keyword: String) -> Bool { capabilities.contains { $0.has(keyword: keyword) } }

    /// The parameters of a keyword (all lines with it, joined), or `nil` when it was not advertised.
    public func parameters(of keyword: String) -> [String]? {
        let matching = capabilities.filter { $0.has(keyword: keyword) }
        return matching.isEmpty ? nil : matching.flatMap(\.parameters)
    }

    /// Whether the keyword was advertised with this parameter (ignoring case), e.g. `AUTH` with `PLAIN`.
    public func contains(_ keyword: String, parameter: String) -> Bool {
        parameters(of: keyword)?.contains { $0.uppercased() == parameter.uppercased() } ?? false
    }

    /// The SIZE limit in octets (RFC 1870); 0 means no fixed limit; `nil` when SIZE has no number or is absent.
    public var size: Int? { parameters(of: "SIZE")?.first.flatMap { Int($0) } }

    /// The AUTH mechanisms, upper-cased, without duplicates, in the order advertised.
    public var authMechanisms: [String] {
        var seen: [String] = []
        for mechanism in parameters(of: "AUTH") ?? [] where !seen.contains(mechanism.uppercased()) {
            seen.append(mechanism.uppercased())
        }
        return seen
    }

    /// PIPELINING (RFC 2920).
    public var supportsPipelining: Bool { contains("PIPELINING") }
    /// STARTTLS (RFC 3207).
    public var supportsStartTLS: Bool { contains("STARTTLS") }
    /// DSN (RFC 3461).
    public var supportsDSN: Bool { contains("DSN") }
    /// CHUNKING, i.e. BDAT (RFC 3030).
    public var supportsChunking: Bool { contains("CHUNKING") }
    /// BINARYMIME (RFC 3030).
    public var supportsBinaryMIME: Bool { contains("BINARYMIME") }
    /// 8BITMIME (RFC 6152).
    public var supports8BitMIME: Bool { contains("8BITMIME") }
    /// SMTPUTF8 (RFC 6531).
    public var supportsSMTPUTF8: Bool { contains("SMTPUTF8") }
    /// ENHANCEDSTATUSCODES (RFC 2034).
    public var supportsEnhancedStatusCodes: Bool { contains("ENHANCEDSTATUSCODES") }
    /// REQUIRETLS (RFC 8689).
    public var supportsRequireTLS: Bool { contains("REQUIRETLS") }
    /// AUTH (RFC 4954), with any mechanism.
    public var supportsAuth: Bool { contains("AUTH") }

    /// The EHLO reply a server would send: `250-domain greeting`, then one line per capability.
    public func reply(code: ReplyCode = .ok) -> Reply {
        let first = greeting.isEmpty ? domain : "\(domain) \(greeting)"
        return Reply(code: code, lines: [first] + capabilities.map(\.description))
    }
}
