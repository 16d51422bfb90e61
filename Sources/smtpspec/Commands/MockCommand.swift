import ArgumentParser
import Foundation
import Logging
import SMTPCore
import SMTPMock
import SMTPScenario
import SMTPYAML

/// `smtpspec mock`: runs the mock SMTP server in the foreground until SIGINT or SIGTERM.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run a mock SMTP server that plays a persona, on loopback.",
        discussion: """
            Built-in personas: \(Persona.builtinNames.joined(separator: ", ")). A FILE is a *.persona.yaml \
            (schema: Grammar/persona.schema.json). Each session is logged on standard error; SIGINT or SIGTERM \
            stops the server cleanly (exit 0). It listens on loopback only unless --allow-remote is given. \
            Durations are written 30s, 5m, 1m30s or 500ms (a bare number is seconds), at most 24h.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("A built-in persona name or a *.persona.yaml file.", valueName: "NAME|FILE")
    )
    var persona: String = "exchange"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The address and port to listen on (port 0 picks one); loopback unless --allow-remote.",
            valueName: "HOST:PORT"
        )
    )
    var listen: String = "127.0.0.1:2525"

    @Flag(name: .customLong("allow-remote"), help: "Allow --listen beyond loopback (other hosts can then connect).")
    var allowRemote = false

    @Option(name: .long, help: ArgumentHelp("Deliver every accepted message into this maildir.", valueName: "DIR"))
    var maildir: String?

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate chain for TLS.", valueName: "FILE"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key for --tls-cert.", valueName: "FILE"))
    var tlsKey: String?

    @Option(
        name: .customLong("idle-timeout"),
        help: ArgumentHelp("Silence before 421 4.4.2.", valueName: "DURATION")
    )
    var idleTimeout: String = "5m"

    @Option(
        name: .customLong("command-timeout"),
        help: ArgumentHelp(
            "Time for one command line to arrive, however slowly it trickles in (RFC 5321 §4.5.3.2.7).",
            valueName: "DURATION"
        )
    )
    var commandTimeout: String = "5m"

    @Option(
        name: .customLong("min-data-rate"),
        help: ArgumentHelp(
            "Slowest message content accepted: the command timeout plus 1s per this many octets.",
            valueName: "OCTETS/S"
        )
    )
    var minimumDataRate: String = "500"

    @Option(
        name: .customLong("max-connections"),
        help: ArgumentHelp("Connections served at once; more get 421 4.3.2.", valueName: "N")
    )
    var maxConnections: String = "1000"

    @Flag(name: .long, help: "Log every reply too.")
    var verbose = false

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        _ = try settings()
    }

    /// The server configuration the options describe; a `ValidationError` (exit 2) names the first bad option.
    func settings() throws -> MockServerConfiguration {
        let address: (host: String, port: Int)
        switch Self.listenAddress(listen) {
        case .success(let parsed): address = parsed
        case .failure(let problem): throw ValidationError("--listen: \(problem); for example 127.0.0.1:2525")
        }
        let configuration = MockServerConfiguration(
            host: address.host,
            port: address.port,
            allowRemote: allowRemote,
            maildir: maildir,
            idleTimeout: try Self.duration(idleTimeout, option: "--idle-timeout"),
            commandTimeout: try Self.duration(commandTimeout, option: "--command-timeout"),
            minimumDataRate: try Self.number(minimumDataRate, option: "--min-data-rate", in: 1...(1 << 30)),
            maxConnections: try Self.number(
                maxConnections,
                option: "--max-connections",
                in: 1...MockServerConfiguration.maximumConnections
            ),
            retention: .standalone
        )
        if let problem = configuration.problem {
            throw ValidationError(allowRemote ? problem : "--listen: \(problem)")
        }
        return configuration
    }

    func run() async throws {
        // Signals are handled before anything else happens, so a SIGTERM sent as soon as the "listening" line
        // appears always stops the server cleanly.
        let signals = StopSignals.install()
        defer { signals.cancel() }
        var configuration = try settings()
        let chosen: Persona
        switch Persona.resolveReportingAll(persona) {
        case .success(let resolved):
            chosen = resolved
        case .failure(let problems):
            Console.err(problems.rendered() + "\n")
            throw ExitStatus.invalidInput
        }
        let level: Logger.Level = verbose ? .debug : .info
        LoggingSystem.bootstrap { label in
            var handler = StandardErrorLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        // Every line logged is on stderr before the command returns, and before its own error lines.
        defer { StandardErrorLog.shared.flush() }
        let logger = Logger(label: "smtpspec.mock")
        let server: MockServer
        do {
            if let tlsCertificate, let tlsKey {
                configuration.tlsIdentity = try TLSIdentity.load(certificatePath: tlsCertificate, keyPath: tlsKey)
            }
            server = try await MockServer.bind(persona: chosen, configuration: configuration, logger: logger)
        } catch {
            StandardErrorLog.shared.flush()
            Console.err("error: cannot start the mock server: \(error)\n")
            throw ExitStatus.invalidInput
        }
        signals.onStop { signal in
            logger.info("stopping", metadata: ["signal": "\(signal == SIGINT ? "SIGINT" : "SIGTERM")"])
            server.shutdown()
        }
        if let warning = ListenRule.warning(for: server.address) {
            StandardErrorLog.shared.flush()  // After the "listening" log line, as it happened.
            Console.err(warning + "\n")
        }
        Console.write("smtpspec mock: persona '\(chosen.name)' listening on \(server.address)\n")
        do {
            try await server.run()
        } catch {
            if signals.stopRequested { return }
            StandardErrorLog.shared.flush()
            Console.err("error: the mock server failed: \(error)\n")
            throw ExitStatus.internalError
        }
    }

    /// `host:port` or `[v6]:port`, parsed by SMTPCore's `HostPort`; port 0 picks a free port.
    static func listenAddress(_ text: String) -> Result<(host: String, port: Int), HostPort.Problem> {
        HostPort.parse(text, allowingPortZero: true).flatMap { parsed in
            parsed.resolvedPort().map { (parsed.host, $0) }
        }
    }

    /// A duration option: the scenario language's durations (`30s`, `5m`, `1m30s`, `500ms`), or a bare number of
    /// seconds as earlier versions took; more than 0 and at most 24 hours.
    static func duration(_ text: String, option: String) throws -> Duration {
        let value: Duration
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            guard text.count <= 6, let seconds = Int(text) else {
                throw ValidationError("\(option): \(text) seconds is too long; at most 86400 (24h)")
            }
            value = .seconds(seconds)
        } else {
            switch DurationSyntax.parse(text) {
            case .success(let parsed): value = parsed
            case .failure(let problem): throw ValidationError("\(option): \(problem.message); \(problem.note)")
            }
        }
        guard value > .zero, value <= MockServerConfiguration.maximumDuration else {
            throw ValidationError("\(option): \(text) is out of range; write more than 0 and at most 24h, such as 5m")
        }
        return value
    }

    /// A whole-number option within `range`.
    static func number(_ text: String, option: String, in range: ClosedRange<Int>) throws -> Int {
        guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text),
            range.contains(value)
        else {
            throw ValidationError(
                "\(option): '\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return value
    }
}
