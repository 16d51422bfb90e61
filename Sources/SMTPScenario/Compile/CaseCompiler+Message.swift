import Foundation
import SMTPCore
import SMTPYAML

extension CaseCompiler {
    /// Builds a message from `data`'s map form: the given headers, plus Date, Message-ID, From and
    /// To unless given, a blank line, and the body (or the message in `file`). Line ends are CRLF.
    ///
    /// Header names and values go through the wire fence (a name is RFC 5322 ftext; a value holds no CR or LF but
    /// folding, and no NUL), the body and the file through the fence for message text (no NUL). A name or value
    /// that holds a capture is fenced again by the runner once the capture is filled in.
    ///
    /// Linear in the number of headers: a header given in the step replaces every header of that name before it
    /// (in the file, or given earlier), so only the last of each name is kept, found with one pass.
    mutating func compileMessage(_ message: MessageAST, at location: SourceLocation) -> (PlanText, [FencedText])? {
        if message.headers.count > options.limits.headersPerMessage {
            let first = message.headers[options.limits.headersPerMessage].name
            error(
                "'data' lists more than \(options.limits.headersPerMessage) headers",
                at: first.location,
                note: "a message written in the scenario may have at most \(options.limits.headersPerMessage) "
                    + "headers; this is the first one past that. A message file (data: {file: …}) has no such limit",
                span: first.value.count
            )
            return nil
        }
        var fileHeaders: [(name: PlanText, value: PlanText)] = []
        var fences: [FencedText] = []
        var fileBody: PlanText?
        if let file = message.file {
            guard let (read, body) = readMessageFile(file) else { return nil }
            fileHeaders = read.map { (PlanText(literal: $0.name), PlanText(literal: $0.value)) }
            fileBody = PlanText(literal: body)
        }
        var given: [(name: PlanText, value: PlanText)] = []
        var failed = false
        for header in message.headers {
            // Name and value are both fenced, so that a bad name does not hide a bad value.
            let name = fenced(header.name, slot: .headerName, what: "the header name")
            let shownName = name?.redacted() ?? Self.quoted(header.name.value)
            let value = fenced(header.value, slot: .headerValue, what: "header '\(shownName)'")
            guard let name, let value else {
                failed = true
                continue
            }
            given.append((name, value))
        }
        for (name, field) in [("From", message.from), ("To", message.to), ("Subject", message.subject)] {
            guard let field else { continue }
            guard let value = fenced(field, slot: .headerValue, what: "header '\(name)'") else {
                failed = true
                continue
            }
            given.append((PlanText(literal: name), value))
        }
        // The body is fenced even when a header was refused, so that every problem is reported at once.
        let body = message.body.map { fenced($0, slot: .messageText, what: "the body of 'data'") }
        if failed || body.map({ $0 == nil }) == true { return nil }
        var last: [String: Int] = [:]
        for (index, header) in given.enumerated() { last[header.name.wire().lowercased()] = index }
        let kept = given.enumerated().filter { last[$0.element.name.wire().lowercased()] == $0.offset }.map(\.element)
        let headers = fileHeaders.filter { last[$0.name.wire().lowercased()] == nil } + kept
        for (name, value) in kept {
            if !name.captureNames.isEmpty {
                fences.append(FencedText(name, slot: .headerName, what: "the header name '\(name.redacted())'"))
            }
            if !value.captureNames.isEmpty {
                fences.append(FencedText(value, slot: .headerValue, what: "header '\(name.redacted())'"))
            }
        }
        let present = Set(headers.map { $0.name.wire().lowercased() })
        if let given = headers.last(where: { $0.name.wire().lowercased() == "message-id" }) {
            let written = message.headers.last { $0.name.value.lowercased() == "message-id" }?.value
            noteGivenMessageID(given.value, written: written)
        }
        func has(_ name: String) -> Bool { present.contains(name.lowercased()) }
        var generated: [(PlanText, PlanText)] = []
        if !has("Date") {
            generated.append((PlanText(literal: "Date"), PlanText(literal: date)))
        }
        if !has("Message-ID") {
            messageCount += 1
            // The sender's domain, unless a secret wrote the sender: a piece of a secret is never shown.
            let domain =
                envelope.sender.flatMap { sender in
                    sender.containsSecret ? nil : sender.wire().split(separator: "@").last.map(String.init)
                } ?? "smtpspec.invalid"
            // The case's position is filled in when the case is played (SessionPlan.caseCaptures), so that cases
            // that differ only in axes no step uses compile to the same plan.
            let messageID = PlanText([
                .literal("<smtpspec.\(options.messageIDPrefix)."), .capture(SessionPlan.caseNumberCapture),
                .literal(".\(messageCount)@\(domain)>"),
            ])
            sentMessage = .identified(messageID, fixed: false)
            generated.append((PlanText(literal: "Message-ID"), messageID))
        }
        if !has("From"), let sender = envelope.sender, !sender.wire().isEmpty {
            generated.append((PlanText(literal: "From"), "<" + sender + ">"))
        }
        if !has("To"), !envelope.recipients.isEmpty {
            let list = envelope.recipients.enumerated().reduce(PlanText([])) { list, item in
                (item.offset == 0 ? list : list + ", ") + "<" + item.element + ">"
            }
            generated.append((PlanText(literal: "To"), list))
        }
        var segments: [PlanText.Segment] = []
        for (name, value) in generated + headers {
            segments += name.segments
            segments.append(.literal(": "))
            segments += value.segments
            segments.append(.literal("\r\n"))
        }
        segments.append(.literal("\r\n"))
        var text = PlanText(segments)
        if let value = body.flatMap({ $0 }) {
            text = text + value.normalisingLineEnds()
        } else if let fileBody {
            text = text + fileBody.normalisingLineEnds()
        }
        return (text, fences)
    }

    /// Reads `data: {file}` relative to the scenario: a message whose header section (if any)
    /// is split from its body at the first blank line. The file is message text (no NUL), and its header names
    /// are RFC 5322 ftext.
    private mutating func readMessageFile(_ file: Located<String>) -> ([(name: String, value: String)], String)? {
        guard let planned = interpolator.text(file), let path = planned.literalOrReport(file, &interpolator.diagnostics)
        else { return nil }
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        guard let data = FileManager.default.contents(atPath: full), let content = String(data: data, encoding: .utf8)
        else {
            problem(
                in: planned,
                at: file,
                "cannot read message file '\(Self.quoted(path))'",
                secret: "cannot read the message file",
                note: "paths are relative to the scenario file"
            )
            return nil
        }
        if let violation = WireFence.firstViolation(of: content, in: .messageText) {
            let line = content.unicodeScalars.prefix(violation.offset).filter { $0 == "\n" }.count + 1
            error(
                "the message file has \(violation.characterName) on its line \(line): \(violation.reason)",
                at: file.location,
                note: planned.containsSecret ? Self.secretNote : "in '\(Self.quoted(path))'"
            )
            return nil
        }
        let lines = content.normalisingLineEnds().components(separatedBy: "\r\n")
        var headers: [(name: String, value: String)] = []
        var index = 0
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\r\n" + line
            } else if let colon = line.firstIndex(of: ":"),
                WireFence.firstViolation(of: String(line[..<colon]), in: .headerName) == nil
            {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmed()))
            } else {
                return ([], content)  // no header section: the whole file is the body
            }
            index += 1
        }
        let body = lines.dropFirst(min(index + 1, lines.count)).joined(separator: "\r\n")
        return (headers, body)
    }
}

/// Formats dates as RFC 5322 §3.3 writes them, in UTC: `Fri, 05 Aug 2016 16:24:41 +0000`.
///
/// Written by hand rather than with a `DateFormatter`: a formatter is costly to make and not to be shared across
/// threads, and the output is fixed (English names, UTC, the Gregorian calendar), so arithmetic on the seconds since
/// 1970 gives the same text as `DateFormatter` with `EEE, dd MMM yyyy HH:mm:ss Z`, `en_US_POSIX` and UTC (for years
/// 1583 to 9999; earlier dates are proleptic Gregorian, where the formatter switches to the Julian calendar).
enum RFC5322Date {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` in UTC, to the whole second (fractions are dropped, as the formatter drops them).
    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)
        let weekday = weekdays[floorDivision(days, 7).remainder]
        var text = weekday + ", " + padded(day, 2) + " " + months[month - 1] + " " + padded(year, 4) + " "
        text += padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay / 60 % 60, 2) + ":"
        text += padded(secondOfDay % 60, 2) + " +0000"
        return text
    }

    /// Quotient and remainder rounded towards minus infinity, so that times before 1970 fall on the right day.
    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// Year, month (1...12) and day (1...31) of a count of days since 1970-01-01 in the proleptic Gregorian
    /// calendar (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // 0 is March
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `value` in decimal with leading zeros up to `width` digits.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
