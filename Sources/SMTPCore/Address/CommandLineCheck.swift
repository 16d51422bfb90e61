/// Checks a command line before it is sent: no CR or LF inside (command injection) and at most 512 octets
/// with CRLF (RFC 5321 §4.5.3.1.4).
public enum CommandLineCheck {
    /// A problem with a command line.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        /// A CR or LF inside the line would end it early and start another command.
        case lineBreakInside(offset: Int)
        /// The line with CRLF is longer than 512 octets.
        case tooLong(octets: Int)

        /// What is wrong.
        public var description: String {
            switch self {
            case .lineBreakInside(let offset):
                return "command contains a CR or LF at character \(offset + 1), which would inject another "
                    + "SMTP command"
            case .tooLong(let octets):
                return "command line is \(octets) octets with CRLF; RFC 5321 §4.5.3.1.4 allows "
                    + "\(SMTPLimits.commandLine)"
            }
        }
    }

    /// The problems of `line` (given without CRLF); empty when it can be sent.
    public static func problems(in line: String) -> [Problem] {
        var problems: [Problem] = []
        if let offset = line.unicodeScalars.firstIndex(where: { $0 == "\r" || $0 == "\n" }) {
            problems.append(
                .lineBreakInside(offset: line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: offset))
            )
        }
        let octets = line.utf8.count + 2
        if octets > SMTPLimits.commandLine { problems.append(.tooLong(octets: octets)) }
        return problems
    }
}
