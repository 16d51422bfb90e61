import SMTPCore

/// One thing a user got wrong (or should look at), with where it is and what to do about it.
///
/// This is the single error shape of smtpspec: scenario, environment, persona and reasons
/// files all report through it, and every reporter renders the same data.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The file cannot be used; nothing is sent.
        case error
        /// The file is usable, but something in it is probably not what was meant.
        case warning
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// What is wrong, in one line.
    public var message: String
    /// Where it is; `nil` for problems that have no place in a file (a missing file).
    public var location: SourceLocation?
    /// What to do about it, shown under the caret.
    public var note: String?
    /// How many columns the caret underlines; at least 1.
    public var span: Int

    /// Creates a diagnostic.
    public init(
        severity: Severity = .error,
        message: String,
        location: SourceLocation?,
        note: String? = nil,
        span: Int = 1
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.note = note
        self.span = max(1, span)
    }
}

extension Diagnostic: CustomStringConvertible {
    /// A one-line summary: `file:line:col: error: message`, control characters in the message escaped.
    public var description: String {
        let shown = WireFence.escaped(message)
        if let location {
            return "\(location): \(severity.rawValue): \(shown)"
        }
        return "\(severity.rawValue): \(shown)"
    }
}
