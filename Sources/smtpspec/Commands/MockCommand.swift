import ArgumentParser
import Dispatch
import Foundation
import Logging
import SMTPCore
import SMTPMock
import SMTPYAML

/// `smtpspec mock`: runs the mock SMTP server in the foreground until SIGINT or SIGTERM.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Run a mock SMTP server that plays a persona, on loopback.",
        discussion: """
            Built-in personas: \(Persona.builtinNames.joined(separator: ", ")). A FILE is a *.persona.yaml \
            (schema: Grammar/persona.schema.json). Each session is logged on standard error; SIGINT or SIGTERM \
            stops the server cleanly.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp("A built-in persona name or a *.persona.yaml file.", valueName: "NAME|FILE")
    )
    var persona: String = "exchange"

    @Option(
        name: .long,
        help: ArgumentHelp("The address and port to listen on (port 0 picks one).", valueName: "HOST:PORT")
    )
    var listen: String = "127.0.0.1:2525"

    @Option(name: .long, help: ArgumentHelp("Deliver every accepted message into this maildir.", valueName: "DIR"))
    var maildir: String?

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate chain for TLS.", valueName: "FILE"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key for --tls-cert.", valueName: "FILE"))
    var tlsKey: String?

    @Option(
        name: .customLong("idle-timeout"),
        help: ArgumentHelp("Seconds of silence before 421 4.4.2.", valueName: "SECONDS")
    )
    var idleTimeout: Int = 300

    @Option(name: .customLong("max-connections"), help: "Connections served at once; more get 421 4.3.2.")
    var maxConnections: Int = 1000

    @Flag(name: .long, help: "Log every reply too.")
    var verbose = false

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
        if case .failure(let problem) = Self.listenAddress(listen) {
            throw ValidationError("--listen: \(problem); for example 127.0.0.1:2525")
        }
        guard idleTimeout > 0, maxConnections > 0 else {
            throw ValidationError("--idle-timeout and --max-connections must be positive")
        }
    }

    func run() async throws {
        let chosen: Persona
        switch Persona.resolveReportingAll(persona) {
        case .success(let resolved):
            chosen = resolved
        case .failure(let problems):
            FileHandle.standardError.write(Data((problems.rendered() + "\n").utf8))
            throw ExitStatus.invalidInput
        }
        let level: Logger.Level = verbose ? .debug : .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "smtpspec.mock")
        var configuration = MockServerConfiguration(
            maildir: maildir,
            idleTimeout: .seconds(idleTimeout),
            maxConnections: maxConnections
        )
        if case .success(let (host, port)) = Self.listenAddress(listen) {
            configuration.host = host
            configuration.port = port
        }
        let server: MockServer
        do {
            if let tlsCertificate, let tlsKey {
                configuration.tlsIdentity = try TLSIdentity.load(certificatePath: tlsCertificate, keyPath: tlsKey)
            }
            server = try await MockServer.bind(persona: chosen, configuration: configuration, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("error: cannot start the mock server: \(error)\n".utf8))
            throw ExitStatus.invalidInput
        }
        let ready = "smtpspec mock: persona '\(chosen.name)' listening on \(server.address)\n"
        FileHandle.standardOutput.write(Data(ready.utf8))
        let signals = Self.watchSignals { signal in
            logger.info("stopping", metadata: ["signal": "\(signal)"])
            server.shutdown()
        }
        defer { signals.forEach { $0.cancel() } }
        do {
            try await server.run()
        } catch {
            FileHandle.standardError.write(Data("error: the mock server failed: \(error)\n".utf8))
            throw ExitStatus.internalError
        }
    }

    /// `host:port` or `[v6]:port`, parsed by SMTPCore's `HostPort`; port 0 picks a free port.
    static func listenAddress(_ text: String) -> Result<(String, Int), HostPort.Problem> {
        HostPort.parse(text, allowingPortZero: true).flatMap { parsed in
            parsed.resolvedPort().map { (parsed.host, $0) }
        }
    }

    /// Handles SIGINT and SIGTERM with dispatch sources instead of the default (terminate).
    static func watchSignals(_ handler: @escaping @Sendable (Int32) -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }
}
