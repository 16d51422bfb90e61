import Foundation
import SMTPCore

extension MockSession {
    /// The reply named `name` in the persona, with its placeholders filled.
    func reply(_ name: PersonaReplyName, _ values: ReplyValues = ReplyValues()) -> Reply {
        render(persona.replies[name], values)
    }

    /// A template with its placeholders filled from `values` and the session.
    ///
    /// Replies go out for every command, so this builds nothing it does not need: a template without placeholders
    /// is used as written, and a placeholder's value is looked up only when the template names it.
    func render(_ template: ReplyTemplate, _ values: ReplyValues = ReplyValues()) -> Reply {
        let code = ReplyCode(template.code) ?? .localError
        guard template.hasPlaceholders else { return Reply(code: code, lines: template.lines) }
        // What the closure reads, taken out first: a closure that reads `self` copies the whole session.
        let session = SessionPlaceholders(
            host: persona.hostname,
            date: dateText,
            clientIP: environment.clientAddress,
            helo: helo,
            sizeLimit: persona.sizeLimit
        )
        let lines = template.rendered { name in
            values.value(named: name) ?? session.value(named: name)
        }
        return Reply(code: code, lines: lines)
    }

    /// A date as RFC 5322 §3.3 writes it, in the local time zone: `Fri, 5 Aug 2016 16:24:41 -0700`.
    ///
    /// Written from `gmtime_r` fields rather than with a `DateFormatter`: one formatter per session cost memory
    /// that a long-running mock never got back.
    ///
    /// Sessions that start in the same second share the text, written once (the greeting of the default persona
    /// shows it, so every session asks).
    static func rfc5322Date(_ date: Date) -> String {
        let second = Int(date.timeIntervalSince1970.rounded(.down))
        if let last = lastDate.withLock({ $0 }), last.second == second { return last.text }
        let text = formatRFC5322Date(second, offset: TimeZone.current.secondsFromGMT(for: date))
        lastDate.withLock { $0 = (second, text) }
        return text
    }

    /// The last date written, by its second since 1970.
    private static let lastDate = Locked<(second: Int, text: String)?>(nil)

    /// The instant `second` (since 1970) as a clock `offset` seconds east of UTC shows it.
    static func formatRFC5322Date(_ second: Int, offset: Int) -> String {
        var seconds = time_t(second + offset)
        var fields = tm()
        guard gmtime_r(&seconds, &fields) != nil else { return "Thu, 1 Jan 1970 00:00:00 +0000" }
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let minutes = offset / 60
        let zone = (minutes < 0 ? "-" : "+") + two(abs(minutes) / 60) + two(abs(minutes) % 60)
        return "\(days[Int(fields.tm_wday) % 7]), \(fields.tm_mday) \(months[Int(fields.tm_mon) % 12]) "
            + "\(Int(fields.tm_year) + 1900) \(two(Int(fields.tm_hour))):\(two(Int(fields.tm_min))):"
            + "\(two(Int(fields.tm_sec))) \(zone)"
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

/// The placeholders every reply may use: `{host}`, `{date}`, `{client-ip}`, `{helo}`, `{size}`.
private struct SessionPlaceholders {
    let host: String
    let date: String
    let clientIP: String
    let helo: String?
    let sizeLimit: Int?

    func value(named name: Substring) -> String? {
        switch name {
        case "host": return host
        case "date": return date
        case "client-ip": return clientIP
        case "helo": return helo ?? ""
        case "size": return sizeLimit.map(String.init) ?? "0"
        default: return nil
        }
    }
}
