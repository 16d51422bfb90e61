/// A server address as people write it: `host`, `host:port`, `ipv4:port`, `[v6]` or `[v6]:port`.
///
/// The one parser behind `open`, `--server`, `--dns-server` and `mock --listen`. An IPv6 address needs its
/// brackets (RFC 3986 §3.2.2): in `2001:db8::1:25` nothing tells the port from the address, so a bare form
/// with more than one colon is refused rather than guessed. A port is 1 to 65535 in ASCII digits.
public struct HostPort: Sendable, Hashable, CustomStringConvertible {
    /// The host name or address, without brackets.
    public var host: String
    /// The port, or `nil` when none was written.
    public var port: Int?

    /// Creates a host and port.
    public init(host: String, port: Int? = nil) {
        self.host = host
        self.port = port
    }

    /// Why a host:port did not parse.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// What to write instead, if there is something to say.
        public var note: String?
        /// The 0-based offset (in characters) in the text where the problem starts.
        public var offset: Int

        /// Creates a problem.
        public init(_ message: String, note: String? = nil, offset: Int = 0) {
            self.message = message
            self.note = note
            self.offset = offset
        }

        /// The message and the note.
        public var description: String { note.map { "\(message) (\($0))" } ?? message }
    }

    /// Parses `host`, `host:port`, `[v6]` or `[v6]:port`. With `allowingPortZero`, port 0 ("any free port", for
    /// a listening socket) is accepted too.
    public static func parse(_ text: String, allowingPortZero: Bool = false) -> Result<HostPort, Problem> {
        let hostText: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return .failure(unclosedBracket(text)) }
            hostText = text[...close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else {
                    return .failure(Problem("expected ':port' after ']' in '\(shown(text))'", offset: hostText.count))
                }
                portText = rest.dropFirst()
            }
        } else if let colon = text.firstIndex(of: ":") {
            guard !text[text.index(after: colon)...].contains(":") else {
                return .failure(
                    Problem(
                        "'\(shown(text))' looks like an IPv6 address without brackets",
                        note: "write it as [\(shown(text))] or [\(shown(text))]:25"
                    )
                )
            }
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            hostText = text[...]
        }
        return parseHost(hostText).flatMap { host in
            guard let portText else { return .success(HostPort(host: host)) }
            return port(portText, allowingZero: allowingPortZero)
                .map { HostPort(host: host, port: $0) }
                .mapError { problem in
                    var moved = problem
                    moved.offset += hostText.count + 1
                    return moved
                }
        }
    }

    /// Parses a host where no port can follow (a port written apart from it): a name, an IPv4 address, or an IPv6
    /// address with or without brackets. Refuses an empty host, what ``WireFence`` refuses in a host (CR, LF, NUL),
    /// and anything but a name's letters, digits, `-`, `_` and `.` (or non-ASCII letters of an internationalised
    /// name); an address with a colon must be IPv6 (hex digits, `:` and `.`, and a `%zone`).
    public static func parseHost(_ text: some StringProtocol) -> Result<String, Problem> {
        var host = Substring(text)
        var offset = 0
        if host.hasPrefix("[") {
            guard host.count >= 2, host.hasSuffix("]") else { return .failure(unclosedBracket(String(text))) }
            host = host.dropFirst().dropLast()
            offset = 1
        }
        guard !host.isEmpty else { return .failure(Problem("'\(shown(text))' has no host", offset: offset)) }
        if let violation = WireFence.firstViolation(of: String(host), in: .host) {
            return .failure(
                Problem(
                    "the host '\(shown(host))' contains \(violation.characterName): \(violation.reason)",
                    note: "remove it",
                    offset: offset + violation.offset
                )
            )
        }
        let isIPv6 = host.contains(":")
        if offset == 1, !isIPv6 {
            return .failure(
                Problem(
                    "'\(shown(text))' has brackets but no IPv6 address",
                    note: "brackets are for IPv6 addresses: [2001:db8::1]",
                    offset: offset
                )
            )
        }
        let valid = isIPv6 ? isIPv6Address(host) : host.unicodeScalars.allSatisfy(isNameScalar)
        guard valid else {
            return .failure(Problem("'\(shown(host))' is not a host name or address", offset: offset))
        }
        return .success(String(host))
    }

    /// A host name's letters, digits, `-`, `_` and `.`, and any non-ASCII letter (an internationalised name).
    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if !scalar.isASCII { return scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_" || scalar == "."
    }

    /// Hex digits, colons and dots (an embedded IPv4 address), then an optional `%zone` of letters and digits.
    private static func isIPv6Address(_ text: Substring) -> Bool {
        let parts = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
        let address = parts[0]
        guard address.contains(":"), !address.isEmpty,
            address.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." })
        else { return false }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty
            && parts[1].unicodeScalars.allSatisfy { $0.isASCII && (isNameScalar($0) && $0 != ".") }
    }

    /// A value quoted in a message: control characters escaped (``WireFence/escaped(_:)``).
    private static func shown(_ text: some StringProtocol) -> String {
        WireFence.escaped(text)
    }

    /// Parses a port: ASCII digits, 1 to 65535 (0 too with `allowingZero`).
    public static func port(_ text: some StringProtocol, allowingZero: Bool = false) -> Result<Int, Problem> {
        let lowest = allowingZero ? 0 : 1
        guard (1...5).contains(text.count), text.allSatisfy({ ("0"..."9").contains($0) }), let port = Int(text),
            (lowest...65535).contains(port)
        else {
            return .failure(Problem("'\(shown(text))' is not a port number", note: "ports are \(lowest) to 65535"))
        }
        return .success(port)
    }

    /// The port written, else `defaultPort`; a problem when there is neither (`--listen 127.0.0.1`).
    public func resolvedPort(default defaultPort: Int? = nil) -> Result<Int, Problem> {
        guard let found = port ?? defaultPort else {
            return .failure(Problem("'\(self)' has no port", note: "write host:port or [v6]:port"))
        }
        return .success(found)
    }

    private static func unclosedBracket(_ text: String) -> Problem {
        Problem("unclosed '[' in '\(shown(text))'", note: "write an IPv6 address as [2001:db8::1]:25")
    }

    /// Whether the host is an IPv6 address literal (it has a colon), which is written in brackets.
    public var isIPv6Literal: Bool { host.contains(":") }

    /// `host`, `host:port`, `[v6]` or `[v6]:port`.
    public var description: String {
        let shownHost = isIPv6Literal ? "[\(host)]" : host
        return port.map { "\(shownHost):\($0)" } ?? shownHost
    }
}
