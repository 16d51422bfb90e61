import SMTPDiagnosis
import SMTPRunner

/// An inline SVG sequence diagram of one session: the client and server lifelines, an arrow per run of lines
/// in one direction (a multi-line reply is one arrow), runner notes across the middle, and the failing exchange
/// drawn in red with the mismatch and the possible reasons beside it.
struct SequenceDiagram {
    /// Lines sent in one direction in a row, or a note.
    struct Message {
        var direction: TranscriptEntry.Direction
        var lines: [String]
        /// Whether the message holds the transcript entry the failure happened at.
        var failing: Bool
    }

    static let width = 920
    static let clientX = 120
    static let serverX = 800
    static let lineHeight = 15
    static let maxLinesShown = 8
    static let maxColumns = 92

    var messages: [Message]
    /// The annotation under the failing message: the failure's summary (naming the mismatch), then the possible
    /// reasons.
    var annotation: [String]

    /// The diagram of a case: its whole transcript, the failure (if any) at the end of the explanation's
    /// transcript.
    init(transcript: [JSONTranscriptRecord], failure: JSONFailureRecord?) {
        let failingIndex = failure.map { $0.transcript.count - 1 }
        var messages: [Message] = []
        for (index, entry) in transcript.enumerated() {
            let failing = index == failingIndex
            let direction: TranscriptEntry.Direction =
                switch entry.direction {
                case "server": .server
                case "client": .client
                default: .note
                }
            if let last = messages.last, last.direction == direction, direction != .note {
                messages[messages.count - 1].lines.append(entry.text)
                if failing { messages[messages.count - 1].failing = true }
            } else {
                messages.append(Message(direction: direction, lines: [entry.text], failing: failing))
            }
        }
        if let failure, !messages.contains(where: \.failing) {
            messages.append(Message(direction: .note, lines: failure.got, failing: true))
        }
        self.messages = messages
        annotation = failure.map { ["✗ \($0.summary)"] + $0.reasons.map { "• \($0)" } } ?? []
    }

    var svg: String {
        var body = ""
        var y = 56
        for message in messages {
            body += draw(message, top: &y)
            if message.failing {
                for line in annotation {
                    y += Self.lineHeight
                    body += text(line, x: Self.clientX + 16, y: y, anchor: "start", className: "why")
                }
                y += 8
            }
        }
        let height = y + 24
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sequence\" role=\"img\" width=\"\(Self.width)\" "
            + "height=\"\(height)\" viewBox=\"0 0 \(Self.width) \(height)\">\n"
        out += "<title>Sequence diagram of the SMTP exchange</title>\n"
        for (x, label) in [(Self.clientX, "client (smtpspec)"), (Self.serverX, "server")] {
            out += "<rect class=\"actor\" x=\"\(x - 70)\" y=\"8\" width=\"140\" height=\"26\" rx=\"4\"/>\n"
            out += text(label, x: x, y: 26, anchor: "middle", className: "actor-label")
            out += "<line class=\"lifeline\" x1=\"\(x)\" y1=\"34\" x2=\"\(x)\" y2=\"\(height - 8)\"/>\n"
        }
        out += body
        out += "</svg>"
        return out
    }

    private func draw(_ message: Message, top y: inout Int) -> String {
        let shown = Array(message.lines.prefix(Self.maxLinesShown))
        var labels = shown
        if message.lines.count > shown.count {
            labels.append("… \(message.lines.count - shown.count) more line(s)")
        }
        let failing = message.failing ? " failing" : ""
        var out = ""
        switch message.direction {
        case .note:
            for label in labels {
                y += Self.lineHeight
                out += text("* " + label, x: Self.width / 2, y: y, anchor: "middle", className: "note" + failing)
            }
            y += 10
        case .client, .server:
            let fromClient = message.direction == .client
            let (from, to) = fromClient ? (Self.clientX, Self.serverX) : (Self.serverX, Self.clientX)
            let textX = fromClient ? Self.clientX + 10 : Self.serverX - 10
            for label in labels {
                y += Self.lineHeight
                out += text(label, x: textX, y: y, anchor: fromClient ? "start" : "end", className: "msg" + failing)
            }
            y += 6
            let head = fromClient ? to - 8 : to + 8
            out += "<line class=\"arrow\(failing)\" x1=\"\(from)\" y1=\"\(y)\" x2=\"\(to)\" y2=\"\(y)\"/>\n"
            out +=
                "<polygon class=\"head\(failing)\" points=\"\(to),\(y) \(head),\(y - 4) \(head),\(y + 4)\"/>\n"
            y += 10
        }
        return out
    }

    /// A `<text>` element, cut to fit with the whole line in its `<title>`.
    private func text(_ content: String, x: Int, y: Int, anchor: String, className: String) -> String {
        let cut = content.count > Self.maxColumns ? String(content.prefix(Self.maxColumns - 1)) + "…" : content
        let title = cut == content ? "" : "<title>\(Markup.escaped(content))</title>"
        return "<text class=\"\(className)\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\">\(title)"
            + "\(Markup.escaped(cut))</text>\n"
    }
}
