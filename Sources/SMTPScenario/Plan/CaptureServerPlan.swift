import SMTPCore
import SMTPYAML

/// A server of the scenario's `capture:` map, compiled: the CLI starts one per listening address for the run, so
/// that the system under test can relay to it, and await steps read what it received.
public struct CaptureServerPlan: Sendable, Hashable {
    /// The name await steps use in `at:`.
    public var name: String
    /// Where it listens (loopback unless the address says otherwise).
    public var listen: HostPort
    /// Its persona: a built-in name, or a persona file's path made absolute from the scenario's folder.
    public var persona: String
    /// Where the capture is declared.
    public var location: SourceLocation

    /// Creates a capture server plan.
    public init(name: String, listen: HostPort, persona: String, location: SourceLocation) {
        self.name = name
        self.listen = listen
        self.persona = persona
        self.location = location
    }

    /// The persona a capture plays when the file names none: accepts every message, offers no DSN.
    public static let defaultPersona = "sink"
}
