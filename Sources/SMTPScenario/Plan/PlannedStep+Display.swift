/// How a planned step is shown in `smtpspec plan`, transcripts of what would be sent, and
/// reports: the lines the client sends, with secrets masked.
extension PlannedStep {
    /// The lines this step sends, without CRLF, secrets as `******`, captures filled in when
    /// known. Messages are shown dot-stuffed, as they go on the wire, ending with `.`.
    /// Steps that send nothing show a note in parentheses.
    public func displayLines(captures: [String: String]? = nil) -> [String] {
        switch action {
        case .open(let open):
            var text: String
            switch open.target {
            case .host(let host, let port):
                text = "(connect to \(host.contains(":") ? "[\(host)]" : host):\(port)"
            case .mx(let domain, let port):
                text = "(connect to the MX hosts of \(domain), port \(port)" + (open.each ? ", each in turn" : "")
            }
            if open.tls == .implicit { text += ", implicit TLS" + Self.describe(open.tlsOptions) }
            return [text + ")"]
        case .command(let line):
            return [line.redacted(captures: captures)]
        case .starttls(let tls):
            return ["STARTTLS", "(TLS handshake" + Self.describe(tls) + ")"]
        case .auth(let auth):
            switch auth.mechanism {
            case .plain, .xoauth2: return ["AUTH \(auth.mechanism.wireName) \(PlanText.mask)"]
            case .login: return ["AUTH LOGIN", PlanText.mask, PlanText.mask]
            case .cramMD5: return ["AUTH CRAM-MD5", PlanText.mask]
            }
        case .data(let data):
            return ["DATA"] + Self.messageLines(data.message.redacted(captures: captures))
        case .bdat(let chunks):
            var lines: [String] = []
            for (index, chunk) in chunks.enumerated() {
                let text = chunk.redacted(captures: captures)
                let last = index == chunks.count - 1 ? " LAST" : ""
                lines.append("BDAT \(text.utf8.count)\(last)")
                lines += text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
                if lines.last == "" { lines.removeLast() }
            }
            return lines
        case .pipeline(let group):
            return group.steps.flatMap { $0.displayLines(captures: captures) }
        case .sleep(let duration):
            return ["(wait \(DurationSyntax.format(duration)))"]
        }
    }

    private static func describe(_ tls: TLSPlan) -> String {
        var parts: [String] = [tls.verify ? "verify on" : "verify off"]
        if let caFile = tls.caFile { parts.append("ca-file \(caFile)") }
        if let name = tls.serverName { parts.append("server-name \(name)") }
        return ", " + parts.joined(separator: ", ")
    }

    /// The message as sent: lines split at CRLF, each line starting with "." stuffed, then ".".
    static func messageLines(_ message: String) -> [String] {
        var lines = message.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 } + ["."]
    }
}
