import Foundation
import SMTPYAML

extension CaseCompiler {
    /// Builds a message from `data`'s map form: the given headers, plus Date, Message-ID, From and
    /// To unless given, a blank line, and the body (or the message in `file`). Line ends are CRLF.
    ///
    /// Linear in the number of headers: a header given in the step replaces every header of that name before it
    /// (in the file, or given earlier), so only the last of each name is kept, found with one pass.
    mutating func compileMessage(_ message: MessageAST, at location: SourceLocation) -> PlanText? {
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
        var fileHeaders: [(name: String, value: PlanText)] = []
        var fileBody: PlanText?
        if let file = message.file {
            guard let (read, body) = readMessageFile(file) else { return nil }
            fileHeaders = read.map { ($0.name, PlanText(literal: $0.value)) }
            fileBody = PlanText(literal: body)
        }
        var given: [(name: String, value: PlanText)] = []
        for header in message.headers {
            guard let value = argument(header.value, of: .data) else { return nil }
            given.append((header.name.value, value))
        }
        for (name, field) in [("From", message.from), ("To", message.to), ("Subject", message.subject)] {
            guard let field else { continue }
            guard let value = argument(field, of: .data) else { return nil }
            given.append((name, value))
        }
        var last: [String: Int] = [:]
        for (index, header) in given.enumerated() { last[header.name.lowercased()] = index }
        let headers =
            fileHeaders.filter { last[$0.name.lowercased()] == nil }
            + given.enumerated().filter { last[$0.element.name.lowercased()] == $0.offset }.map(\.element)
        let present = Set(headers.map { $0.name.lowercased() })
        func has(_ name: String) -> Bool { present.contains(name.lowercased()) }
        var generated: [(String, PlanText)] = []
        if !has("Date") {
            generated.append(("Date", PlanText(literal: date)))
        }
        if !has("Message-ID") {
            messageCount += 1
            let domain =
                envelope.sender.flatMap { $0.split(separator: "@").last.map(String.init) } ?? "smtpspec.invalid"
            generated.append(
                ("Message-ID", PlanText(literal: "<smtpspec.\(options.messageIDPrefix).\(messageCount)@\(domain)>"))
            )
        }
        if !has("From"), let sender = envelope.sender, !sender.isEmpty {
            generated.append(("From", PlanText(literal: "<\(sender)>")))
        }
        if !has("To"), !envelope.recipients.isEmpty {
            generated.append(("To", PlanText(literal: envelope.recipients.map { "<\($0)>" }.joined(separator: ", "))))
        }
        var segments: [PlanText.Segment] = []
        for (name, value) in generated + headers {
            segments.append(.literal("\(name): "))
            segments += value.segments
            segments.append(.literal("\r\n"))
        }
        segments.append(.literal("\r\n"))
        var text = PlanText(segments)
        if let body = message.body {
            guard let value = interpolator.text(body) else { return nil }
            text = text + value.normalisingLineEnds()
        } else if let fileBody {
            text = text + fileBody.normalisingLineEnds()
        }
        return text
    }

    /// Reads `data: {file}` relative to the scenario: a message whose header section (if any)
    /// is split from its body at the first blank line.
    private mutating func readMessageFile(_ file: Located<String>) -> ([(name: String, value: String)], String)? {
        guard let path = interpolator.text(file)?.literalOrReport(file, &interpolator.diagnostics) else { return nil }
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        guard let data = FileManager.default.contents(atPath: full), let content = String(data: data, encoding: .utf8)
        else {
            error(
                "cannot read message file '\(path)'",
                at: file.location,
                note: "paths are relative to the scenario file"
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
            } else if let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" ") {
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

/// Formats dates as RFC 5322 §3.3 writes them: `Fri, 05 Aug 2016 16:24:41 +0000`.
enum RFC5322Date {
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
