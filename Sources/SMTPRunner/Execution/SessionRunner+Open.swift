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
        func failed(_ error: TransportError) -> ConnectAttempt {
            var result = baseResult(step, startedAt: started)
            result.duration = ContinuousClock.now - clock
            result.peer = lastPeer
            if step.expectation.noConnection, case .connectFailed = error {
                transcript.note("no connection, as expected")
                result.verdict = .passed
            } else {
                result.verdict = { if case .local = error { return .refused } else { return .failed } }()
                result.failure = StepFailure(.transport(error, phase: .connect), notes: takeNotes())
            }
            return .failed(result)
        }

        let hosts: [(name: String, port: Int, label: String, exchanger: MXRecord?)]
        switch (options.server, openPlan.target) {
        case (let server?, .host(let name, _)):
            hosts = [(server.host, server.port, "\(server) (--server, for \(name))", nil)]
        case (let server?, .mx(let domain, _)):
            hosts = [(server.host, server.port, "\(server) (--server, for MX of \(domain))", nil)]
        case (nil, .host(let name, let port)):
            hosts = [(name, port, Endpoint(host: name, port: port).description, nil)]
        case (nil, .mx(let domain, let port)):
            switch await exchangers(of: domain) {
            case .failure(let problem):
                transcript.note("MX lookup for \(domain): \(problem)")
                return failed(.connectFailed(.dnsFailure, problem.description))
            case .success(let records):
                transcript.note("MX for \(domain): " + records.map(\.description).joined(separator: ", "))
                hosts = records.map { record in
                    let label =
                        record.isImplicit
                        ? "\(record.host):\(port) (implicit MX: \(domain) has no MX records)"
                        : "MX \(record.preference) \(record.host):\(port)"
                    return (record.host, port, label, record)
                }
            }
        }

        for host in hosts {
            let tlsName: String
            if case .host(let name, _) = openPlan.target { tlsName = name } else { tlsName = host.name }
            let candidates: [Candidate]
            let found = await addresses(
                for: host.name,
                exchanger: host.exchanger,
                port: host.port,
                label: host.label,
                tlsName: tlsName
            )
            switch found {
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
                            additionalTrustRoots: options.additionalTrustRoots,
                            cache: options.tlsContexts
                        )
                    } catch {
                        return failed(error)
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
                    let sentence = error.sentence(phase: .connect)
                    transcript.note("\(candidate.shown): \(sentence)")
                    tried.append("\(candidate.shown): \(sentence)")
                    lastError = error
                }
            }
        }
        guard let lastError else {
            return failed(.connectFailed(.dnsFailure, "no host to connect to"))
        }
        if case .connectFailed(let reason, _) = lastError {
            return failed(.connectFailed(reason, "cannot connect: " + tried.joined(separator: "; ")))
        }
        return failed(lastError)
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
        result.replyRole = .greeting
        if step.expectation.noConnection {
            result.verdict = .failed
            result.failure = StepFailure(.unexpectedConnection(peer: peer))
            return result
        }
        // The step's timeout bounds connecting and the greeting together.
        let deadline = clock + step.timeout
        func remaining() -> Duration { max(.zero, deadline - ContinuousClock.now) }
        var phase = FailurePhase.tlsHandshake
        do {
            if let tls {
                try await connection.awaitHandshake(timeout: min(openPlan.connectTimeout, remaining()))
                session.tlsEstablished()
                let facts = await connection.tlsFacts(verified: tls.verify, serverName: tls.serverHostname)
                result.tls = facts
                if let problem = tls.nameProblem(with: facts) {
                    fail(&result, StepFailure(.tls(problem)), took: ContinuousClock.now - clock)
                    return result
                }
                transcript.note("TLS \(facts.version ?? "?") established" + (facts.subject.map { " with \($0)" } ?? ""))
            }
            phase = .greeting
            let reply = try await connection.readReply(timeout: remaining())
            transcript.server(reply)
            session.didReceive(reply, for: .open)
            judge(step, reply: reply, role: .greeting, took: ContinuousClock.now - clock, into: &result)
        } catch {
            // Report the step's limit, not what was left of it after connecting.
            let reported: TransportError = if case .timedOut = error { .timedOut(step.timeout) } else { error }
            fail(&result, reported, phase: phase, took: ContinuousClock.now - clock)
            return result
        }
        if result.passed, let expected = step.expectation.tls {
            guard let facts = result.tls else {
                result.verdict = .failed
                result.failure = StepFailure(
                    .tls(TLSFactMismatch(fact: .noTLS, expected: "TLS", observed: nil))
                )
                return result
            }
            let problems = ExpectationCheck.mismatches(of: facts, against: expected)
            if !problems.isEmpty {
                result.verdict = .failed
                result.failure = StepFailure(problems.map(Mismatch.tls))
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

    /// The addresses to try for a host (a mail exchanger's, when it came from an MX lookup): an address literal as
    /// it is, a name resolved through `--dns-server` when given, otherwise left to NIO's resolver (getaddrinfo, IPv6
    /// and IPv4).
    private func addresses(
        for host: String,
        exchanger: MXRecord?,
        port: Int,
        label: String,
        tlsName: String
    ) async -> Result<[Candidate], MailExchangers.Problem> {
        let destination = Connector.Destination.named(host, port: port)
        guard options.dnsServer != nil, case .host = destination, !TLSSettings.isAddressLiteral(host) else {
            return .success([Candidate(destination: destination, shown: label, tlsName: tlsName)])
        }
        let resolver = DNSResolver(server: options.dnsServer)
        let resolved =
            if let exchanger { await resolver.addresses(of: exchanger) } else { await resolver.addresses(of: host) }
        return resolved.map { addresses in
            addresses.compactMap { address in
                guard let socketAddress = try? SocketAddress(ipAddress: address, port: port) else { return nil }
                let shown = "\(label) (\(Endpoint(host: address, port: port)))"
                return Candidate(destination: .address(socketAddress), shown: shown, tlsName: tlsName)
            }
        }
    }
}
