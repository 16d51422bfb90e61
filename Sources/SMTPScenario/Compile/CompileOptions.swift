import Foundation
import SMTPYAML

/// What the command line adds to a scenario when compiling it.
public struct CompileOptions: Sendable {
    /// `--env NAME`: reads `environments/NAME.yaml` beside the scenario.
    public var environmentName: String?
    /// `--env-file F`: reads this environment file instead.
    public var environmentFile: String?
    /// `--var K=V`, in order; later ones win.
    public var overrides: [(name: String, value: String)]
    /// The process environment, for `${env:NAME}`.
    public var processEnvironment: [String: String]
    /// The time used for generated `Date:` headers.
    public var now: Date
    /// A prefix that makes generated Message-IDs unique.
    public var messageIDPrefix: String
    /// How much the compiler reads: file sizes, nesting, interpolation, headers, recipients, matrix cases.
    public var limits: InputLimits
    /// The names of the built-in mock personas, to check a scenario's `persona:` against (the CLI gives the mock's
    /// list); `nil` checks only that a persona file exists.
    public var knownPersonas: [String]?

    /// Creates options; by default the real environment, the current time and a random Message-ID prefix.
    public init(
        environmentName: String? = nil,
        environmentFile: String? = nil,
        overrides: [(name: String, value: String)] = [],
        processEnvironment: [String: String] = ProcessInfo.processInfo.environment,
        now: Date = Date(),
        messageIDPrefix: String = UUID().uuidString.lowercased(),
        limits: InputLimits = .standard,
        knownPersonas: [String]? = nil
    ) {
        self.environmentName = environmentName
        self.environmentFile = environmentFile
        self.overrides = overrides
        self.processEnvironment = processEnvironment
        self.now = now
        self.messageIDPrefix = messageIDPrefix
        self.limits = limits
        self.knownPersonas = knownPersonas
    }

    /// Parses one `--var K=V` argument; `nil` for a malformed one or a reserved name (`case.…`, the built-ins).
    public static func parseOverride(_ argument: String) -> (name: String, value: String)? {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let name = String(argument[..<equals])
        guard Template.isValidName(name[...]), !Interpolator.isReserved(name) else { return nil }
        return (name, String(argument[argument.index(after: equals)...]))
    }
}
