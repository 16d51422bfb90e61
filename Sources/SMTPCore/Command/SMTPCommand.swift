/// One SMTP command (RFC 5321 §4.1.1 and extensions), parsed from or encoded to a line without CRLF.
public enum SMTPCommand: Sendable, Hashable, CustomStringConvertible {
    /// `EHLO domain`.
    case ehlo(String)
    /// `HELO domain`.
    case helo(String)
    /// `LHLO domain` (LMTP, RFC 2033).
    case lhlo(String)
    /// `MAIL FROM:<reverse-path> [parameters]`.
    case mail(reversePath: ReversePath, parameters: [ESMTPParameter])
    /// `RCPT TO:<forward-path> [parameters]`.
    case rcpt(forwardPath: ForwardPath, parameters: [ESMTPParameter])
    /// `DATA`.
    case data
    /// `BDAT size [LAST]` (RFC 3030).
    case bdat(size: Int, last: Bool)
    /// `RSET`.
    case rset
    /// `NOOP [string]`.
    case noop(String?)
    /// `HELP [string]`.
    case help(String?)
    /// `QUIT`.
    case quit
    /// `VRFY string`.
    case vrfy(String)
    /// `EXPN string`.
    case expn(String)
    /// `STARTTLS` (RFC 3207).
    case starttls
    /// `AUTH mechanism [initial-response]` (RFC 4954); an initial response of `=` means an empty one.
    case auth(mechanism: String, initialResponse: String?)
    /// Any other verb; `line` is the whole line as received.
    case unknown(verb: String, line: String)

    /// The command line without CRLF, e.g. `MAIL FROM:<a@example.com> SIZE=1000`.
    public var line: String {
        switch self {
        case .ehlo(let domain): return "EHLO \(domain)"
        case .helo(let domain): return "HELO \(domain)"
        case .lhlo(let domain): return "LHLO \(domain)"
        case .mail(let path, let parameters): return (["MAIL FROM:\(path)"] + parameters.map(\.description)).spaced
        case .rcpt(let path, let parameters): return (["RCPT TO:\(path)"] + parameters.map(\.description)).spaced
        case .data: return "DATA"
        case .bdat(let size, let last): return "BDAT \(size)" + (last ? " LAST" : "")
        case .rset: return "RSET"
        case .noop(let text): return text.map { "NOOP \($0)" } ?? "NOOP"
        case .help(let text): return text.map { "HELP \($0)" } ?? "HELP"
        case .quit: return "QUIT"
        case .vrfy(let text): return "VRFY \(text)"
        case .expn(let text): return "EXPN \(text)"
        case .starttls: return "STARTTLS"
        case .auth(let mechanism, let response): return "AUTH \(mechanism)" + (response.map { " \($0)" } ?? "")
        case .unknown(_, let line): return line
        }
    }

    /// The line as bytes with CRLF.
    public var encoded: [UInt8] { Array(line.utf8) + [13, 10] }

    /// The command line.
    public var description: String { line }
}

extension Array where Element == String {
    fileprivate var spaced: String { joined(separator: " ") }
}
