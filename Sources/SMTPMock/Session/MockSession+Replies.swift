import Foundation
import SMTPCore

extension MockSession {
    /// The reply named `name` in the persona, with its placeholders filled.
    func reply(_ name: PersonaReplyName, _ extra: [String: String] = [:]) -> Reply {
        render(persona.replies[name], extra)
    }

    /// A template with its placeholders filled from the session and `extra`.
    func render(_ template: ReplyTemplate, _ extra: [String: String] = [:]) -> Reply {
        var values: [String: String] = [
            "host": persona.hostname,
            "date": Self.rfc5322Date(environment.connectedAt),
            "client-ip": environment.clientAddress,
            "helo": helo ?? "",
            "size": persona.sizeLimit.map(String.init) ?? "0",
        ]
        values.merge(extra) { _, new in new }
        let code = ReplyCode(template.code) ?? .localError
        return Reply(code: code, lines: template.rendered(values))
    }

    /// A date as RFC 5322 §3.3 writes it: `Fri, 5 Aug 2016 16:24:41 -0700`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// The EHLO keywords offered right now: after TLS the TLS list, and never STARTTLS once TLS is
    /// active or when there is no certificate.
    var currentCapabilities: [String] {
        var list: [String]
        if tlsActive {
            list = persona.capabilitiesAfterTLS ?? persona.capabilities
            list.removeAll { Self.keyword($0) == "STARTTLS" || Self.keyword($0) == "X-ANONYMOUSTLS" }
        } else {
            list = persona.capabilities
            if !environment.tlsAvailable || !persona.tls.starttls {
                list.removeAll { Self.keyword($0) == "STARTTLS" || Self.keyword($0) == "X-ANONYMOUSTLS" }
            }
        }
        return list
    }

    /// Whether the current capabilities offer `keyword` (`SIZE`, `DSN`, `CHUNKING`, …).
    func offers(_ keyword: String) -> Bool {
        currentCapabilities.contains { Self.keyword($0) == keyword }
    }

    /// The SASL mechanisms the current `AUTH` capability lists.
    var offeredMechanisms: [String] {
        guard let line = currentCapabilities.first(where: { Self.keyword($0) == "AUTH" }) else { return [] }
        return line.split(separator: " ").dropFirst().map { $0.uppercased() }
    }

    static func keyword(_ capability: String) -> String {
        capability.split(separator: " ", maxSplits: 1).first.map { $0.uppercased() } ?? ""
    }
}
