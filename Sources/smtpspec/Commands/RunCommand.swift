import ArgumentParser
import Foundation
import Logging
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

    @Option(name: .long, help: ArgumentHelp("Add a team's reasons catalogue; its entries win.", valueName: "file"))
    var reasons: String?

    @Option(name: .long, help: "How many scenario files to play at once.")
    var jobs: Int = 1

    @Option(name: .customLong("tag"), help: "Play only scenarios with this tag (repeatable).")
    var tags: [String] = []

    @Flag(name: .customLong("fail-fast"), help: "Stop starting scenarios after the first failure.")
    var failFast = false

    @Option(name: .long, help: ArgumentHelp("Play only shard I of N (1-based).", valueName: "I/N"))
    var shard: String?

    @Option(
        name: .customLong("report"),
        help: ArgumentHelp("Write a report (repeatable).", valueName: "junit:F|json:F|tap:F|html:F")
    )
    var reports: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write one transcript file per case here.", valueName: "dir"))
    var transcripts: String?

    @Flag(name: .long, help: "Show every transcript, and the runner's debug log on standard error.")
    var verbose = false

    @Flag(name: .long, help: "Show only failures and the summary.")
    var quiet = false

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if verbose, quiet { throw ValidationError("give --verbose or --quiet, not both") }
        if mock != nil, server != nil { throw ValidationError("give --mock or --server, not both") }
        if let server, case .failure(let problem) = Endpoint.parse(server, defaultPort: 25) {
            throw ValidationError("--server: \(problem)")
        }
        if let dnsServer, case .failure(let problem) = Endpoint.parse(dnsServer, defaultPort: 53) {
            throw ValidationError("--dns-server: \(problem)")
        }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard '\(shard)' must be I/N with 1 <= I <= N")
        }
        for report in reports {
            do {
                _ = try ReportDestination(parsing: report)
            } catch {
                throw ValidationError("--report: \(error)")
            }
        }
    }

    func run() async throws {
        let started = Date()
        let clock = ContinuousClock.now
        let scenarios = try compileAll()
        let catalogue = try loadCatalogue()
        let selected = try select(scenarios)
        let destinations = try checkedDestinations()
        let style = ConsoleStyle(
            color: !noColor
                && ConsoleStyle.colorAllowed(
                    isTerminal: Terminal.isTerminal,
                    environment: ProcessInfo.processInfo.environment
                ),
            verbosity: quiet ? .quiet : (verbose ? .verbose : .normal)
        )
        let console = ConsoleReporter(style: style)
        let secrets = selected.flatMap { $0.cases.flatMap(\.secrets) }
        let progress = ProgressLine(
            enabled: Terminal.isTerminal && !quiet,
            total: selected.reduce(0) { $0 + $1.cases.count }
        )
        let results = try await play(selected) { result in
            let reported = ReportedCase(result: result, catalogue: catalogue, secrets: secrets)
            let line = console.caseLine(reported.result, explanation: reported.explanation)
            progress.caseFinished(line: line) { done, total in
                console.progressLine(done: done, total: total, current: reported.result.caseName)
            }
        }
        progress.clear()
        let report = RunReport(
            results: results,
            startedAt: started,
            duration: ContinuousClock.now - clock,
            catalogue: catalogue,
            secrets: secrets
        )
        do {
            for destination in destinations {
                try report.write(to: destination)
            }
            if let transcripts {
                _ = try TranscriptWriter.write(report, to: transcripts)
            }
        } catch {
            Console.err("error: \(error)\n")
            throw ExitStatus.internalError
        }
        // Scenarios --fail-fast never started are counted as skipped, after DESIGN.md's closing line.
        let played = Set(results.map(\.file))
        let skipped = selected.filter { !played.contains($0.file) }.reduce(0) { $0 + $1.cases.count }
        Console.out(console.summaryLine(report.summary) + (skipped > 0 ? ", \(skipped) skipped" : ""))
        throw report.summary.allPassed ? ExitStatus.success : ExitStatus.failures
    }

    /// Compiles every scenario; any error stops the run before anything is sent (exit 2).
    private func compileAll() throws -> [CompiledScenario] {
        let (files, missing) = ScenarioFiles.find(paths)
        for diagnostic in missing { Console.err(diagnostic.rendered(source: nil)) }
        let compiler = ScenarioCompiler(options: scenario.compileOptions)
        var compiled: [CompiledScenario] = []
        var invalid = !missing.isEmpty
        for file in files {
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

    private func loadCatalogue() throws -> ReasonsCatalogue {
        do {
            return try ReasonsCatalogue.load(reasonsFile: reasons)
        } catch {
            Console.err(error.rendered + "\n")
            throw ExitStatus.invalidInput
        }
    }

    /// Applies `--tag` and `--shard`. Tags that match no scenario at all are a usage error (a misspelt tag would
    /// otherwise pass with nothing played); a shard that gets no scenario is not.
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
        if let shard = shard.flatMap(Shard.init(parsing:)) {
            chosen = chosen.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
        }
        return chosen
    }

    /// The `--report` destinations, each checked to be writable, and the `--transcripts` folder: a report that
    /// cannot be written is found before anything is sent (exit 2), not after the traffic.
    private func checkedDestinations() throws -> [ReportDestination] {
        var destinations: [ReportDestination] = []
        var problems: [String] = []
        for report in reports {
            do {
                let destination = try ReportDestination(parsing: report)
                if let problem = destination.writeProblem { problems.append("--report \(report): \(problem)") }
                destinations.append(destination)
            } catch {
                problems.append("--report: \(error)")
            }
        }
        if let transcripts, let problem = TranscriptWriter.writeProblem(directory: transcripts) {
            problems.append("--transcripts \(transcripts): \(problem)")
        }
        guard problems.isEmpty else {
            Console.err(problems.map { "error: \($0)\n" }.joined() + "nothing was sent\n")
            throw ExitStatus.invalidInput
        }
        return destinations
    }

    /// Plays the scenarios against real servers, or with `--mock` against in-process mock servers: one per
    /// persona, each scenario against the persona it names (`persona:`) unless `--mock NAME` names one for all.
    private func play(
        _ scenarios: [CompiledScenario],
        onResult: @escaping @Sendable (ScenarioResult) -> Void
    ) async throws -> [ScenarioResult] {
        var options = RunnerOptions()
        if verbose {
            options.logger = Logger(label: "smtpspec.runner") { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .debug
                return handler
            }
        }
        if let dnsServer { options.dnsServer = Endpoint(parsing: dnsServer, defaultPort: 53) }
        if let server { options.server = Endpoint(parsing: server, defaultPort: 25) }
        guard let mock else {
            return try await SuiteRunner(scenarios: scenarios, options: options, jobs: jobs, failFast: failFast)
                .run(onResult: onResult)
        }
        // Every persona is read before anything is sent: a bad one is invalid input (exit 2).
        var groups: [(persona: Persona, members: [Int])] = []
        for (index, scenario) in scenarios.enumerated() {
            let name = mock == MockArgument.ownPersona ? (scenario.persona ?? MockArgument.defaultPersona) : mock
            let persona: Persona
            switch Persona.resolveReportingAll(name) {
            case .success(let resolved):
                persona = resolved
            case .failure(let problems):
                Console.err(problems.rendered() + "\n")
                Console.err("nothing was sent: fix the persona first\n")
                throw ExitStatus.invalidInput
            }
            if let group = groups.firstIndex(where: { $0.persona.name == persona.name }) {
                groups[group].members.append(index)
            } else {
                groups.append((persona, [index]))
            }
        }
        var logger = Logger(label: "smtpspec.mock")
        logger.logLevel = .warning
        var byIndex: [Int: [ScenarioResult]] = [:]
        for group in groups {
            let members = group.members.map { scenarios[$0] }
            let results = try await withMockServer(persona: group.persona, logger: logger) { server in
                var mocked = options
                mocked.server = Endpoint(host: server.address.host, port: server.address.port)
                mocked.additionalTrustRoots = server.tlsIdentity.trustRoots
                return try await SuiteRunner(scenarios: members, options: mocked, jobs: jobs, failFast: failFast)
                    .run(onResult: onResult)
            }
            for index in group.members {
                byIndex[index] = results.filter { $0.file == scenarios[index].file }
            }
            if failFast, results.contains(where: { $0.status != .passed }) { break }
        }
        return scenarios.indices.flatMap { byIndex[$0] ?? [] }
    }
}
