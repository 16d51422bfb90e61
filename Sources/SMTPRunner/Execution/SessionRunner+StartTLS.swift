import Foundation
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// STARTTLS, then (on a 2xx reply) the TLS handshake with verification as the step says; afterwards the
    /// client forgets the capabilities (RFC 3207 §4.2) and the step records the certificate facts.
    func playStartTLS(_ step: PlannedStep, _ tlsPlan: TLSPlan, on connection: SMTPConnection) async -> StepResult {
        var result = baseResult(step, startedAt: Date())
        let settings: TLSSettings
        do {
            settings = try TLSSettings(
                plan: tlsPlan,
                host: tlsName,
                additionalTrustRoots: options.additionalTrustRoots,
                cache: options.tlsContexts
            )
        } catch {
            fail(&result, error, phase: .tlsHandshake, took: .zero)
            return result
        }
        result.sentLines = ["STARTTLS"]
        let clock = ContinuousClock.now
        var phase = FailurePhase.command
        willSend(.starttls)
        do {
            transcript.client("STARTTLS")
            try await connection.write(line: "STARTTLS")
            let reply = try await connection.readReply(timeout: step.timeout)
            transcript.server(reply)
            result.reply = shown(reply)
            guard reply.isPositiveCompletion else {
                judge(step, reply: reply, took: ContinuousClock.now - clock, into: &result)
                return result
            }
            if connection.isTLS {
                fail(
                    &result,
                    StepFailure(.refused(.startTLSOnTLS)),
                    took: ContinuousClock.now - clock
                )
                return result
            }
            phase = .tlsHandshake
            try await connection.startTLS(
                context: settings.context,
                serverHostname: settings.serverHostname,
                timeout: step.timeout
            )
            session.didReceive(reply, for: .starttls)
            let facts = await connection.tlsFacts(verified: settings.verify, serverName: settings.serverHostname)
            result.tls = facts
            if let problem = settings.nameProblem(with: facts) {
                fail(&result, StepFailure(.tls(problem)), took: ContinuousClock.now - clock)
                return result
            }
            transcript.note(
                "TLS \(facts.version ?? "?") established"
                    + (settings.verify ? ", certificate verified" : ", not verified")
                    + (facts.subject.map { "; certificate \($0)" } ?? "")
            )
            judge(step, reply: reply, took: ContinuousClock.now - clock, into: &result)
            if result.passed, let expected = step.expectation.tls {
                let problems = ExpectationCheck.mismatches(of: facts, against: expected)
                if !problems.isEmpty {
                    fail(&result, StepFailure(problems.map(Mismatch.tls)), took: result.duration)
                }
            }
        } catch {
            fail(&result, error, phase: phase, took: ContinuousClock.now - clock)
        }
        return result
    }
}
