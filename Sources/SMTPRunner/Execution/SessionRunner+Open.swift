import Foundation
import NIOCore
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// How connecting for an `open` step went.
    enum ConnectAttempt {
        /// Connected to `peer` (implicit TLS set up with `tls` when asked for).
        case connected(Connector.AsyncChannel, peer: String, tlsName: String, tls: TLSSettings?)
        /// Not connected; the step's result says why (it passed when the step expected `no-connection`).
        case failed(StepResult)
    }

    /// One address to try: where to connect, how to show it, and the name TLS verifies.
    struct Candidate {
        var destination: Connector.Destination
        var shown: String
        var tlsName: String
    }

    /// Connects for an `open` step: to the `--server` override, to the host in the file, or to the MX hosts
    /// of a domain in preference order, stopping at the first that accepts the connection.
    func connect(_ step: PlannedStep, _ openPlan: OpenPlan) async -> ConnectAttempt {
        let started = Date()
        let clock = ContinuousClock.now
        var tried: [String] = []
        var lastError: TransportError?
        var lastPeer: String?
        func failed(_ failure: StepFailure) -> ConnectAttempt {
            var result = baseResult(step, startedAt: started)
            result.duration = ContinuousClock.now - clock
            result.peer = lastPeer
            if step.expectation.noConnection, case .connectionFailed = failure.kind {
                transcript.note("no connection, as expected")
                result.verdict = .passed
            } else {
                result.verdict = failure.kind == .localRefusal ? .refused : .failed
                result.failure = failure
            }
            return .failed(result)
        }

        let hosts: [(name: String, port: Int, label: String)]
        switch (options.server, openPlan.target) {
        case (let server?, .host(let name, _)):
            hosts = [(server.host, server.port, "\(server) (--server, for \(name))")]
        case (let server?, .mx(let domain, _)):
            hosts = [(server.host, server.port, "\(server) (--server, for MX of \(domain))")]
        case (nil, .host(let name, let port)):
            hosts = [(name, port, Endpoint(host: name, port: port).description)]
        case (nil, .mx(let domain, let port)):
            switch await exchangers(of: domain) {
            case .failure(let problem):
                transcript.note("MX lookup for \(domain): \(problem)")
                return failed(StepFailure(kind: .connectionFailed(.dnsFailure), message: problem.description))
            case .success(let records):
                transcript.note("MX for \(domain): " + records.map(\.description).joined(separator: ", "))
                hosts = records.map { ($0.host, port, "MX \($0.preference) \($0.host):\(port)") }
            }
        }

        for host in hosts {
            let tlsName: String
            if case .host(let name, _) = openPlan.target { tlsName = name } else { tlsName = host.name }
            let candidates: [Candidate]
            switch await addresses(for: host.name, port: host.port, label: host.label, tlsName: tlsName) {
            case .failure(let problem):
                tried.append("\(host.label): \(problem)")
                transcript.note("\(host.label): \(problem)")
                lastError = .connectFailed(.dnsFailure, problem.description)
                continue
            case .success(let list):
                candidates = list
            }
            for candidate in candidates {
                lastPeer = candidate.shown
                var tls: TLSSettings?
                if openPlan.tls == .implicit {
                    do {
                        tls = try TLSSettings(
                            plan: openPlan.tlsOptions,
                            host: candidate.tlsName,
                            additionalTrustRoots: options.additionalTrustRoots
                        )
                    } catch {
                        return failed(StepFailure(error, command: "open"))
                    }
                }
                transcript.note("connecting to \(candidate.shown)" + (tls == nil ? "" : " with TLS"))
                do {
                    let channel = try await Connector.connect(
                        to: candidate.destination,
                        tls: tls,
                        timeout: openPlan.connectTimeout,
                        group: options.eventLoopGroup
                    )
                    transcript.note("connected to \(candidate.shown)")
                    return .connected(channel, peer: candidate.shown, tlsName: candidate.tlsName, tls: tls)
                } catch {
                    let failure = StepFailure(error, command: "open")
                    transcript.note("\(candidate.shown): \(failure.message)")
                    tried.append("\(candidate.shown): \(failure.message)")
                    lastError = error
                }
            }
        }
        guard let lastError else {
            return failed(StepFailure(kind: .connectionFailed(.dnsFailure), message: "no host to connect to"))
        }
        var failure = StepFailure(lastError, command: "open")
        failure.message = "cannot connect: " + tried.joined(separator: "; ")
        return failed(failure)
    }

    /// After connecting: finishes implicit TLS, reads the greeting and judges the `open` step.
    func greet(
        _ step: PlannedStep,
        _ openPlan: OpenPlan,
        _ connection: SMTPConnection,
        peer: String,
        tls: TLSSettings?,
        started: Date,
        clock: ContinuousClock.Instant
    ) async -> StepResult {
        var result = baseResult(step, startedAt: started)
        result.peer = peer
        if step.expectation.noConnection {
            result.verdict = .failed
            result.failure = StepFailure(
                kind: .unexpectedConnection,
                message: "expected no connection, but \(peer) accepted it"
            )
            return result
        }
        do {
            if let tls {
                try await connection.awaitHandshake(timeout: openPlan.connectTimeout)
                session.tlsEstablished()
                let facts = await connection.tlsFacts(verified: tls.verify, serverName: tls.serverHostname)
                result.tls = facts
                if let problem = tls.nameProblem(with: facts) {
                    fail(&result, StepFailure(kind: .tlsFailure, message: problem), took: ContinuousClock.now - clock)
                    return result
                }
                transcript.note("TLS \(facts.version ?? "?") established" + (facts.subject.map { " with \($0)" } ?? ""))
            }
            let reply = try await connection.readReply(timeout: step.timeout)
            transcript.server(reply)
            session.didReceive(reply, for: .open)
            judge(step, reply: reply, took: ContinuousClock.now - clock, into: &result)
        } catch {
            fail(&result, StepFailure(error, command: "the greeting"), took: ContinuousClock.now - clock)
            return result
        }
        if result.passed, let expected = step.expectation.tls {
            guard let facts = result.tls else {
                result.verdict = .failed
                result.failure = StepFailure(kind: .tlsFailure, message: "TLS checks need `tls: implicit` on open")
                return result
            }
            let problems = ExpectationCheck.mismatches(of: facts, against: expected)
            if !problems.isEmpty {
                result.verdict = .failed
                result.failure = StepFailure(kind: .tlsFailure, message: problems.joined(separator: "; "))
            }
        }
        return result
    }

    /// The MX hosts of `domain` in the order to try, or just the pinned one for an `each: true` case.
    private func exchangers(of domain: String) async -> Result<[MXRecord], MailExchangers.Problem> {
        if let pinnedExchanger { return .success([pinnedExchanger]) }
        let outcome = await DNSResolver(server: options.dnsServer).mailExchangers(of: domain)
        return MailExchangers.hosts(for: domain, outcome: outcome)
    }

    /// The addresses to try for a host: resolved through `--dns-server` when given, otherwise left to NIO's
    /// resolver (getaddrinfo, IPv6 and IPv4).
    private func addresses(
        for host: String,
        port: Int,
        label: String,
        tlsName: String
    ) async -> Result<[Candidate], MailExchangers.Problem> {
        guard options.dnsServer != nil, !TLSSettings.isAddressLiteral(host) else {
            return .success([Candidate(destination: .host(host, port: port), shown: label, tlsName: tlsName)])
        }
        let resolved = await DNSResolver(server: options.dnsServer).addresses(of: host)
        return resolved.map { addresses in
            addresses.compactMap { address in
                guard let socketAddress = try? SocketAddress(ipAddress: address, port: port) else { return nil }
                let shown = "\(label) (\(Endpoint(host: address, port: port)))"
                return Candidate(destination: .address(socketAddress), shown: shown, tlsName: tlsName)
            }
        }
    }
}
