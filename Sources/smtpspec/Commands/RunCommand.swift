import ArgumentParser
import Foundation
import Logging
import SMTPCore
import SMTPDiagnosis
import SMTPMock
import SMTPReport
import SMTPRunner
import SMTPScenario
import SMTPYAML

/// `smtpspec run PATH...`: compile every scenario, play each case, check every reply, report.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Play scenarios against real servers (or the built-in mock) and report every failure with its reasons.",
        discussion: """
            Exit status: 0 all passed, 1 some scenario failed, 2 invalid input or usage (nothing was sent),
            3 internal error. The last line is 'N passed, N failed'.
            """
    )

    @Argument(help: "Scenario files, or directories holding *.smtp.yaml files.")
    var paths: [String]

    @OptionGroup var scenario: ScenarioOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Play every session against the built-in mock server: with this persona, or each scenario's own "
                + "(its 'persona:', else exchange) when --mock is given alone.",
            valueName: "persona"
        )
    )
    var mock: String?

    @Option(name: .long, help: ArgumentHelp("Send every 'open' to this server instead.", valueName: "host:port"))
    var server: String?

    @Option(name: .customLong("dns-server"), help: ArgumentHelp("Resolve MX records here.", valueName: "host:port"))
    var dnsServer: String?

    /// `--server` as an address, port 25 unless given (``validate()`` refused what does not parse).
    private var serverEndpoint: Endpoint? { server.flatMap { Endpoint(parsing: $0, defaultPort: 25) } }

    /// `--dns-server` as an address, port 53 unless given.
    private var dnsServerEndpoint: Endpoint? { dnsServer.flatMap { Endpoint(parsing: $0, defaultPort: 53) } }

    @Option(name: .long, help: ArgumentHelp("Add a team's reasons catalogue; its entries win.", valueName: "file"))
    var reasons: String?

    @Option(name: .long, help: "How many sessions to play at once, across and within scenario files.")
    var jobs: Int = 1

    @Option(
        name: .customLong("max-per-host"),
        help: "At most this many sessions at once on one server (real MXs answer 421 past their per-client limit)."
    )
    var maxPerHost: Int = SuitePlayer.defaultMaxPerHost

    @Option(name: .customLong("tag"), help: "Play only scenarios with this tag (repeatable).")
    var tags: [String] = []

    @Flag(
        name: .customLong("fail-fast"),
        help: "Start no case after the first failure; those in flight finish, the rest count as skipped."
    )
    var failFast = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Play only shard I of N (1-based): every Nth case of the suite, for CI matrices; 'smtpspec merge' joins "
                + "the shards' JSON reports.",
            valueName: "I/N"
        )
    )
    var shard: String?

    @OptionGroup var output: ReportOptions

    @Flag(name: .long, help: "Show every transcript, and the runner's debug log on standard error.")
    var verbose = false

    @Flag(name: .long, help: "Show only failures and the summary.")
    var quiet = false

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxPerHost < 1 { throw ValidationError("--max-per-host must be at least 1") }
        if verbose, quiet { throw ValidationError("give --verbose or --quiet, not both") }
        if mock != nil, server != nil { throw ValidationError("give --mock or --server, not both") }
        if let server, case .failure(let problem) = Endpoint.parse(server, defaultPort: 25) {
            throw ValidationError("--server: \(problem)")
        }
        if let dnsServer, case .failure(let problem) = Endpoint.parse(dnsServer, defaultPort: 53) {
            throw ValidationError("--dns-server: \(problem)")
        }
        if let shard, ShardSelection(parsing: shard) == nil {
            throw ValidationError("--shard '\(shard)' must be I/N with 1 <= I <= N")
        }
    }

    func run() async throws {
        let started = Date()
        let clock = ContinuousClock.now
        let scenarios = try compileAll()
        let catalogue = try loadCatalogue()
        let selected = try select(scenarios)
        let destinations = try output.checkedDestinations(undone: "sent")
        let personas = try mockPersonas(for: selected)
        let captures = try captureServers(for: selected)
        let style = ConsoleStyle(
            color: !noColor
                && ConsoleStyle.colorAllowed(
                    isTerminal: Terminal.isTerminal,
                    environment: ProcessInfo.processInfo.environment
                ),
            verbosity: quiet ? .quiet : (verbose ? .verbose : .normal)
        )
        let console = ConsoleReporter(style: style)
        let secrets = Array(Set(selected.flatMap(\.secrets)))
        let mask = SecretMask(secrets)
        let shard = shard.flatMap(ShardSelection.init(parsing:)) ?? .whole
        var suite = Fingerprint()
        for scenario in selected { suite.add(scenario.fingerprint) }
        // What the cases were played against is part of the run: shards sent to another server, DNS server or mock
        // persona are not one suite's, and merge refuses them. Each is taken as understood (each file's persona by
        // its name, however it was given; an address with its port), so one target written two ways is one run.
        if let personas { suite.add("mock=" + personas.map(\.name).joined(separator: ",")) }
        if let serverEndpoint { suite.add("server=\(serverEndpoint)") }
        if let dnsServerEndpoint { suite.add("dns-server=\(dnsServerEndpoint)") }
        let identity = RunIdentity(
            shard: shard,
            fingerprint: suite.hex,
            cases: selected.reduce(0) { $0 + $1.caseCount }
        )
        let spool: ReportSpool
        do {
            spool = try ReportSpool(
                destinations: destinations,
                transcripts: output.transcripts,
                identity: identity,
                secrets: secrets
            )
        } catch {
            Console.err("error: \(error)\n")
            throw ExitStatus.internalError
        }
        let progress = ProgressLine(
            enabled: Terminal.isTerminal && !quiet,
            total: shard.caseCount(of: identity.cases)
        )
        var spoolError: (any Error)?
        var catalogueError: ReasonsCatalogueError?
        let tally = try await play(selected, personas: personas, captures: captures, shard: shard) { finished in
            // One case may have several results (`each: true`, one per MX host): its lines print together, and the
            // progress line counts it once.
            var lines: [String] = []
            for result in finished.results {
                let reported: ReportedCase
                do throws(ReasonsCatalogueError) {
                    reported = try ReportedCase(result: result, mask: mask, catalogue: catalogue)
                } catch {
                    catalogueError = catalogueError ?? error
                    return false
                }
                lines.append(console.caseLine(reported.result, explanation: reported.explanation))
                do {
                    try spool.add(reported, ordinal: finished.ordinal)
                } catch {
                    spoolError = spoolError ?? error
                }
            }
            let current = finished.results.first?.caseName ?? ""
            progress.caseFinished(lines: lines) { done, total in
                console.progressLine(done: done, total: total, current: current)
            }
            // Results that cannot be kept make the rest of the run pointless: start no more cases.
            return spoolError == nil
        }
        progress.clear()
        if let catalogueError {
            Console.err(
                catalogueError.rendered + "\nno case was started after it"
                    + (tally.skipped > 0 ? ", \(tally.skipped) not played\n" : "\n")
            )
            throw ExitStatus.internalError
        }
        let summary: RunSummary
        if let spoolError {
            Console.err(
                "error: \(spoolError) (the results spool); no case was started after it"
                    + (tally.skipped > 0 ? ", \(tally.skipped) not played\n" : "\n")
            )
            throw ExitStatus.internalError
        }
        do {
            summary = try spool.finish(
                startedAt: started,
                duration: ContinuousClock.now - clock,
                skipped: tally.skipped
            )
        } catch {
            Console.err("error: \(error)\n")
            throw ExitStatus.internalError
        }
        Console.out(console.summaryLine(summary) + (tally.skipped > 0 ? ", \(tally.skipped) skipped" : ""))
        throw summary.allPassed ? ExitStatus.success : ExitStatus.failures
    }

    /// Compiles every scenario; any error stops the run before anything is sent (exit 2).
    private func compileAll() throws -> [CompiledScenario] {
        let (files, missing) = ScenarioFiles.find(paths)
        for diagnostic in missing { Console.err(diagnostic.rendered(source: nil)) }
        var compiler = ScenarioCompiler(options: scenario.compileOptions)
        var compiled: [CompiledScenario] = []
        var invalid = !missing.isEmpty
        for file in files {
            // A random Message-ID prefix of each file's own: no two files' cases share a Message-ID or a
            // `${case.id}` (each unique per case within its file and per run).
            compiler.options.messageIDPrefix = UUID().uuidString.lowercased()
            let result = compiler.compile(path: file)
            if !result.errors.isEmpty { Console.err(result.rendered() + "\n") }
            if let scenario = result.scenario { compiled.append(scenario) } else { invalid = true }
        }
        if invalid {
            Console.err("nothing was sent: fix the errors above first\n")
            throw ExitStatus.invalidInput
        }
        return compiled
    }

    /// The catalogue failures are explained with, asked for when a failure needs it. A team's file (`--reasons`) is
    /// read now, so that its errors stop the run before anything is sent. The bundled catalogue alone is only checked
    /// to be installed here, and parsed (16 ms) on a thread of its own while the run goes on: the run does not wait
    /// for it, and the first failure, explained on the suite's event loop among running sessions, finds it ready
    /// rather than holding that loop while it is parsed.
    private func loadCatalogue() throws -> () throws(ReasonsCatalogueError) -> ReasonsCatalogue {
        do {
            guard let reasons else {
                try ReasonsCatalogue.checkBundledInstalled()
                Thread.detachNewThread { _ = try? ReasonsCatalogue.bundled() }
                return { () throws(ReasonsCatalogueError) in try ReasonsCatalogue.bundled() }
            }
            let merged = try ReasonsCatalogue.load(reasonsFile: reasons)
            return { () throws(ReasonsCatalogueError) in merged }
        } catch {
            Console.err(error.rendered + "\n")
            throw ExitStatus.invalidInput
        }
    }

    /// Applies `--tag`. Tags that match no scenario at all are a usage error (a misspelt tag would otherwise pass
    /// with nothing played). `--shard` splits the cases of what is selected, as they are played.
    private func select(_ scenarios: [CompiledScenario]) throws -> [CompiledScenario] {
        var chosen = scenarios
        if !tags.isEmpty {
            chosen = chosen.filter { !Set($0.tags).isDisjoint(with: tags) }
            if chosen.isEmpty {
                let known = Set(scenarios.flatMap(\.tags)).sorted()
                let asked = tags.map { "'\($0)'" }.joined(separator: ", ")
                let guesses = tags.compactMap { Suggestion.closest(to: $0, among: known) }
                var message = "error: --tag \(asked) matches no scenario"
                message += known.isEmpty ? " (no scenario has tags)" : " (tags: \(known.joined(separator: ", ")))"
                if !guesses.isEmpty {
                    message += "; did you mean \(guesses.map { "'\($0)'" }.joined(separator: ", "))?"
                }
                Console.err(message + "\nnothing was sent\n")
                throw ExitStatus.invalidInput
            }
        }
        return chosen
    }

    /// With `--mock`, each scenario's persona: the one `--mock NAME` names for all, or the scenario's own
    /// (`persona:`, else exchange). Every persona is read before anything is sent: a bad one is invalid input
    /// (exit 2). `nil` without `--mock`.
    private func mockPersonas(for scenarios: [CompiledScenario]) throws -> [Persona]? {
        guard let mock else { return nil }
        return try scenarios.map { scenario in
            let name = mock == MockArgument.ownPersona ? (scenario.persona ?? MockArgument.defaultPersona) : mock
            switch Persona.resolveReportingAll(name) {
            case .success(let resolved):
                return resolved
            case .failure(let problems):
                Console.err(problems.rendered() + "\n")
                Console.err("nothing was sent: fix the persona first\n")
                throw ExitStatus.invalidInput
            }
        }
    }

    /// The capture servers the scenarios declare, one per address, checked before anything is sent: the same
    /// address with two personas, an unreadable persona, or an await step that reads the `run --mock` server in a
    /// run without `--mock`, is invalid input (exit 2).
    private func captureServers(for scenarios: [CompiledScenario]) throws -> CaptureServers {
        if mock == nil, let scenario = scenarios.first(where: { $0.mockSourceLocation != nil }),
            let location = scenario.mockSourceLocation
        {
            Console.err(
                "error: \(location): 'at: mock' reads the messages of the 'run --mock' server; run with --mock, or "
                    + "wait at a capture, a maildir or an IMAP mailbox\nnothing was sent\n"
            )
            throw ExitStatus.invalidInput
        }
        switch CaptureServers.gather(scenarios) {
        case .success(let captures):
            return captures
        case .failure(let problem):
            Console.err("error: \(problem)\nnothing was sent: fix the captures first\n")
            throw ExitStatus.invalidInput
        }
    }

    /// Plays the scenarios' cases, `--jobs` sessions at once, against real servers, or with `--mock` against
    /// in-process mock servers started for the run: one per persona, all at once, each scenario against its own.
    /// The capture servers start before the first case and each stops after the last case that names it; a
    /// capture that cannot listen stops the run before anything is sent (exit 2).
    private func play(
        _ scenarios: [CompiledScenario],
        personas: [Persona]?,
        captures: CaptureServers,
        shard: ShardSelection,
        onFinished: (SuitePlayer.FinishedCase) -> Bool
    ) async throws -> SuitePlayer.Tally {
        var logger = Logger(label: "smtpspec.mock")
        logger.logLevel = .warning
        /// What the run itself threw, as opposed to starting the captures.
        struct RunFailure: Error {
            var underlying: any Error
        }
        do {
            return try await withMockServers(captures.configurations, logger: logger) { servers in
                var sources: [HostPort: any MessageSource] = [:]
                for (capture, server) in zip(captures.servers, servers) {
                    sources[capture.listen] = StoreMessageSource(
                        store: server.messages,
                        name: "capture \(capture.names.joined(separator: "/")) (\(capture.listen))"
                    )
                }
                let lifetime = CaptureLifetime(
                    captures: captures,
                    servers: servers,
                    scenarios: scenarios,
                    shard: shard
                )
                do {
                    return try await play(
                        scenarios,
                        personas: personas,
                        sources: MessageSources(captures: sources),
                        shard: shard,
                        onFinished: { finished in
                            let goOn = onFinished(finished)
                            lifetime.caseFinished(ordinal: finished.ordinal)
                            return goOn
                        }
                    )
                } catch {
                    throw RunFailure(underlying: error)
                }
            }
        } catch let failure as RunFailure {
            throw failure.underlying
        } catch {
            Console.err("error: cannot start the capture servers: \(error)\nnothing was sent\n")
            throw ExitStatus.invalidInput
        }
    }

    private func play(
        _ scenarios: [CompiledScenario],
        personas: [Persona]?,
        sources: MessageSources,
        shard: ShardSelection,
        onFinished: (SuitePlayer.FinishedCase) -> Bool
    ) async throws -> SuitePlayer.Tally {
        var options = RunnerOptions()
        if verbose {
            options.logger = Logger(label: "smtpspec.runner") { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .debug
                return handler
            }
        }
        options.dnsServer = dnsServerEndpoint
        options.server = serverEndpoint
        options.messageSources = sources
        func player(_ entries: [SuiteEntry]) -> SuitePlayer {
            SuitePlayer(entries: entries, jobs: jobs, maxPerHost: maxPerHost, failFast: failFast, shard: shard)
        }
        guard let personas else {
            return await player(scenarios.map { SuiteEntry(scenario: $0, options: options) }).play(
                onFinished: onFinished
            )
        }
        var distinct: [Persona] = []
        for persona in personas where !distinct.contains(where: { $0.name == persona.name }) {
            distinct.append(persona)
        }
        var logger = Logger(label: "smtpspec.mock")
        logger.logLevel = .warning
        let configured = distinct.map { (persona: $0, configuration: MockServerConfiguration()) }
        return try await withMockServers(configured, logger: logger) { servers in
            let entries = zip(scenarios, personas).map { scenario, persona in
                let server = servers[distinct.firstIndex { $0.name == persona.name } ?? 0]
                var mocked = options
                mocked.server = Endpoint(host: server.address.host, port: server.address.port)
                mocked.additionalTrustRoots = server.tlsIdentity.trustRoots
                mocked.messageSources.mock = StoreMessageSource(store: server.messages, name: "the mock server")
                return SuiteEntry(scenario: scenario, options: mocked)
            }
            return await player(entries).play(onFinished: onFinished)
        }
    }
}
