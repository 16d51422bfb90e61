/// Something a peer sent that breaks RFC 5321's framing or reply grammar: a server defect when the client sees
/// it, a client defect when the mock server sees it. Reported, never crashed on.
public enum ProtocolDefect: Error, Sendable, Hashable, CustomStringConvertible {
    /// A line longer than the limit (512 octets including CRLF for reply and command lines, RFC 5321
    /// §4.5.3.1.4-5). `octets` is the length including the line ending when the end was seen, otherwise the
    /// number of octets received when the limit was passed.
    case lineTooLong(octets: Int)
    /// A line ended by LF without the CR before it. `line` is its text.
    case bareLineFeed(line: String)
    /// A reply line that is not `code SP text`, `code "-" text` or a bare code with a valid code.
    case malformedReplyLine(String)
    /// A continuation line whose code differs from the reply's first line (RFC 5321 §4.2.1).
    case mixedCodes(expected: Int, got: String)
    /// An enhanced status code whose class differs from the reply code's first digit (RFC 3463 §2).
    case enhancedCodeClassMismatch(code: Int, enhanced: String)
    /// The connection closed after some lines of a multi-line reply but before its final line.
    case connectionClosedMidReply(partial: [String])
    /// Plaintext bytes the server sent after its 220 to STARTTLS and before the TLS handshake (the STARTTLS
    /// command-injection defect class, CVE-2011-0411 and kin).
    case plaintextAfterStartTLS(octets: Int)
    /// A multi-line reply over ``ReplyParser``'s limits (1,000 lines or 64 KiB by default): `lines` and
    /// `octets` (CRLFs included) count up to the line that passed a limit; `start` is its first few lines,
    /// as received. The rest of that reply is skipped.
    case replyTooLong(lines: Int, octets: Int, start: [String])

    /// A sentence a mail admin can act on.
    public var description: String {
        switch self {
        case .lineTooLong(let octets):
            return "line of \(octets) octets exceeds the limit of \(SMTPLimits.replyLine) octets including CRLF "
                + "(RFC 5321 §4.5.3.1.4 for commands, §4.5.3.1.5 for replies)"
        case .bareLineFeed(let line):
            return "line ended by a bare LF instead of CRLF (RFC 5321 §2.3.8): \(Self.quoted(line))"
        case .malformedReplyLine(let line):
            return "malformed reply line (RFC 5321 §4.2 wants a 3-digit code 2xx-5xx, then SP, \"-\" or the end): "
                + Self.quoted(line)
        case .mixedCodes(let expected, let got):
            return "continuation line does not repeat the reply code \(expected) (RFC 5321 §4.2.1): "
                + Self.quoted(got)
        case .enhancedCodeClassMismatch(let code, let enhanced):
            return "enhanced status code \(enhanced) does not match the class of reply code \(code) "
                + "(RFC 3463 §2: the class must equal the first digit)"
        case .connectionClosedMidReply(let partial):
            return "connection closed in the middle of a multi-line reply after \(partial.count) line(s)"
                + (partial.last.map { "; last line: \(Self.quoted($0))" } ?? "")
        case .plaintextAfterStartTLS(let octets):
            return "server sent \(octets) octet(s) of plaintext after its STARTTLS reply and before the TLS "
                + "handshake; they were discarded (STARTTLS command injection, RFC 3207 §5 / RFC 7457)"
        case .replyTooLong(let lines, let octets, let start):
            return "multi-line reply passed the limit of \(ReplyParser.defaultMaxLines) lines or "
                + "\(ReplyParser.defaultMaxOctets) octets (at line \(lines), \(octets) octets); the rest was skipped"
                + (start.isEmpty ? "" : "; it starts: " + start.map(Self.quoted).joined(separator: ", "))
        }
    }

    /// Quotes a line for a message, showing control characters as ``WireFence/escaped(_:)`` does and cutting it at
    /// 120 characters.
    static func quoted(_ line: String) -> String {
        var shown = ""
        for scalar in line.unicodeScalars.prefix(120) {
            shown += scalar == "\"" ? "\\\"" : WireFence.escaped(String(scalar))
        }
        if line.unicodeScalars.count > 120 { shown += "..." }
        return "\"\(shown)\""
    }
}
