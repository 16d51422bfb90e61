import SMTPCore

/// One line of a step as shown: a line the client sends, or a note about something that is not a
/// command line (connecting, the TLS handshake, a wait).
public struct PlanLine: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The text, without CRLF; secrets are `******`.
    public var text: String
    /// Whether this is a note rather than a sent line.
    public var isNote: Bool

    /// Creates a line.
    public init(_ text: String, isNote: Bool = false) {
        self.text = text
        self.isNote = isNote
    }

    /// A sent line.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// A note.
    public static func note(_ text: String) -> PlanLine { PlanLine(text, isNote: true) }
}

/// How a planned step is shown in `smtpspec plan`, transcripts of what would be sent, and
/// reports: the lines the client sends, with secrets masked.
extension PlannedStep {
    /// The lines this step sends, without CRLF, secrets as `******`, captures filled in when
    /// known. Messages are shown dot-stuffed, as they go on the wire, ending with `.`.
    public func displayLines(captures: [String: String]? = nil) -> [PlanLine] {
        switch action {
        case .open(let open):
            var text: String
            switch open.target {
            case .host(let host, let port):
                text = "connect to \(HostPort(host: host, port: port))"
            case .mx(let domain, let port):
                text = "connect to the MX hosts of \(domain), port \(port)" + (open.each ? ", each in turn" : "")
            }
            if open.tls == .implicit { text += ", implicit TLS" + Self.describe(open.tlsOptions) }
            return [.note(text)]
        case .command(let line):
            return [PlanLine(line.redacted(captures: captures))]
        case .starttls(let tls):
            return ["STARTTLS", .note("TLS handshake" + Self.describe(tls))]
        case .auth(let auth):
            switch auth.mechanism {
            case .plain, .xoauth2: return [PlanLine("AUTH \(auth.mechanism.wireName) \(PlanText.mask)")]
            case .login: return ["AUTH LOGIN", PlanLine(PlanText.mask), PlanLine(PlanText.mask)]
            case .cramMD5: return ["AUTH CRAM-MD5", PlanLine(PlanText.mask)]
            }
        case .data(let data):
            return ["DATA"] + Self.messageLines(data.message.redacted(captures: captures)).map { PlanLine($0) }
        case .bdat(let chunks):
            var lines: [PlanLine] = []
            for (index, chunk) in chunks.enumerated() {
                let text = chunk.redacted(captures: captures)
                let last = index == chunks.count - 1 ? " LAST" : ""
                lines.append(PlanLine("BDAT \(chunk.wire(captures: captures ?? [:]).utf8.count)\(last)"))
                var chunkLines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
                if chunkLines.last == "" { chunkLines.removeLast() }
                lines += chunkLines.map { PlanLine($0) }
            }
            return lines
        case .pipeline(let group):
            return group.steps.flatMap { $0.displayLines(captures: captures) }
        case .sleep(let duration):
            return [.note("wait \(duration.shortText)")]
        case .arrival(let awaited):
            let what = awaited.kind == .message ? "the message" : "the delivery status notification for the message"
            var text =
                "wait up to \(awaited.within.shortText) for \(what) \(awaited.messageID.redacted(captures: captures))"
            if let envid = awaited.envelopeID, awaited.kind == .dsn {
                text += " (ENVID \(envid.redacted(captures: captures)))"
            }
            if let recipient = awaited.recipient { text += " to \(recipient.redacted(captures: captures))" }
            return [.note(text + " at \(awaited.source)")]
        }
    }

    private static func describe(_ tls: TLSPlan) -> String {
        var parts: [String] = [tls.verify ? "verify on" : "verify off"]
        if let caFile = tls.caFile { parts.append("ca-file \(caFile)") }
        if let name = tls.serverName { parts.append("server-name \(name)") }
        return ", " + parts.joined(separator: ", ")
    }

    /// The message as sent, by SMTPCore's encoder (CRLF line ends, dot-stuffing, the final `.`), split
    /// into lines.
    static func messageLines(_ message: String) -> [String] {
        let wire = String(decoding: MessageEncoder.dotStuffed(Array(message.utf8)), as: UTF8.self)
        var lines = wire.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
