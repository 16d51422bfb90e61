import SMTPCore
import SMTPMock
import SMTPScenario

/// The capture servers of a run: one per listening address, whichever scenarios declare it, each with the one
/// persona they all give it.
struct CaptureServers {
    /// One server to start.
    struct Server {
        /// The first declaration of the address: where it listens, and the persona every other must name too.
        var declared: CaptureServerPlan
        /// The persona it plays.
        var persona: Persona
        /// The names the scenarios give it, for reports.
        var names: [String]
        /// Where it listens.
        var listen: HostPort { declared.listen }
    }

    /// The servers, in the order the scenarios declare them.
    var servers: [Server] = []

    /// Gathers the captures of `scenarios`: the same address with two different personas is invalid input, as is
    /// a persona that cannot be read. Returns the problems as rendered lines instead when there are any.
    static func gather(_ scenarios: [CompiledScenario]) -> Result<CaptureServers, CaptureProblem> {
        var gathered = CaptureServers()
        for scenario in scenarios {
            for capture in scenario.captureServers {
                if let index = gathered.servers.firstIndex(where: { $0.listen == capture.listen }) {
                    let first = gathered.servers[index].declared
                    guard first.persona == capture.persona else {
                        return .failure(
                            CaptureProblem(
                                "\(capture.location): capture '\(capture.name)' listens on \(capture.listen) with "
                                    + "persona '\(capture.persona)', but \(first.location) runs '\(first.persona)' "
                                    + "there; one address has one server per run"
                            )
                        )
                    }
                    if !gathered.servers[index].names.contains(capture.name) {
                        gathered.servers[index].names.append(capture.name)
                    }
                    continue
                }
                switch Persona.resolveReportingAll(capture.persona) {
                case .success(let persona):
                    gathered.servers.append(Server(declared: capture, persona: persona, names: [capture.name]))
                case .failure(let problems):
                    return .failure(CaptureProblem(problems.rendered()))
                }
            }
        }
        return .success(gathered)
    }

    /// Each server's persona with a configuration that listens on its address and keeps what it receives.
    var configurations: [(persona: Persona, configuration: MockServerConfiguration)] {
        servers.map { server in
            (
                server.persona,
                MockServerConfiguration(
                    host: server.listen.host,
                    port: server.listen.port ?? 25,
                    allowRemote: false,
                    retention: .inProcess
                )
            )
        }
    }
}

/// Why the captures of a run cannot be started; nothing was sent.
struct CaptureProblem: Error, CustomStringConvertible {
    /// The problem in words.
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
