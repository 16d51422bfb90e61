/// Checks a command line before it is sent: ``WireFence``'s rule for a command (no CR, LF or NUL inside) and at
/// most 512 octets with CRLF (RFC 5321 §4.5.3.1.4).
public enum CommandLineCheck {
    /// A problem with a command line.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        /// A character no command line may hold (a CR or LF would end it early and start another command).
        case forbidden(WireFenceViolation)
        /// The line with CRLF is longer than 512 octets.
        case tooLong(octets: Int)

        /// What is wrong.
        public var description: String {
            switch self {
            case .forbidden(let violation):
                return "command contains \(violation.characterName) at character \(violation.offset + 1): "
                    + violation.reason
            case .tooLong(let octets):
                return "command line is \(octets) octets with CRLF; RFC 5321 §4.5.3.1.4 allows "
                    + "\(SMTPLimits.commandLine)"
            }
        }
    }

    /// The problems of `line` (given without CRLF); empty when it can be sent. Only the first forbidden character
    /// is reported.
    public static func problems(in line: String) -> [Problem] {
        var problems: [Problem] = []
        if let violation = WireFence.firstViolation(of: line, in: .commandLine) {
            problems.append(.forbidden(violation))
        }
        let octets = line.utf8.count + 2
        if octets > SMTPLimits.commandLine { problems.append(.tooLong(octets: octets)) }
        return problems
    }
}
