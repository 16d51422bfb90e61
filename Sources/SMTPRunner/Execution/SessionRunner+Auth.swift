import Foundation
import SMTPCore
import SMTPScenario

extension SessionRunner {
    /// AUTH and its challenge/response exchange (RFC 4954). Refused before TLS unless the step allows plaintext;
    /// every payload line is shown as `******`.
    func playAuth(_ step: PlannedStep, _ auth: AuthPlan, on connection: SMTPConnection) async -> StepResult {
        var result = baseResult(step, startedAt: Date())
        guard connection.isTLS || auth.allowPlaintext else {
            fail(
                &result,
                StepFailure(.refused(.plaintextAuth)),
                took: .zero
            )
            return result
        }
        if let refused = missingCapture(in: [auth.username, auth.password])
            ?? fenceRefusal(auth.username, slot: .credential, what: "the AUTH user name")
            ?? fenceRefusal(auth.password, slot: .credential, what: "the AUTH password")
        {
            fail(&result, refused, took: .zero)
            return result
        }
        let username = auth.username.wire(captures: captures)
        let password = auth.password.wire(captures: captures)
        let name = auth.mechanism.wireName
        var first = "AUTH \(name)"
        var shownFirst = first
        var responses: [(Reply) -> String] = []
        switch auth.mechanism {
        case .plain:
            first += " " + SASL.plain(username: username, password: password)
            shownFirst += " " + PlanText.mask
        case .xoauth2:
            first += " " + SASL.xoauth2(username: username, token: password)
            shownFirst += " " + PlanText.mask
            // On failure the server sends a 334 with an error; an empty line ends the exchange.
            responses = [{ _ in "" }]
        case .login:
            responses = [{ _ in SASL.loginUsername(username) }, { _ in SASL.loginPassword(password) }]
        case .cramMD5:
            responses = [
                { challenge in
                    SASL.cramMD5Response(challengeBase64: challenge.lines[0], username: username, password: password)
                        ?? "*"
                }
            ]
        }
        result.sentLines = [shownFirst]
        let clock = ContinuousClock.now
        willSend(.auth)
        if let offered = session.capabilities?.parameters(of: "AUTH"),
            !offered.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame })
        {
            pendingNotes.append(.mechanismNotAdvertised(mechanism: name, advertised: offered))
        }
        do {
            transcript.client(shownFirst)
            try await connection.write(line: first)
            var reply = try await connection.readReply(timeout: step.timeout)
            transcript.server(reply)
            var rounds = 0
            while reply.code.value == 334, rounds < 8 {
                rounds += 1
                result.intermediateReplies.append(shown(reply))
                let response = responses.isEmpty ? "*" : responses.removeFirst()(reply)
                let shown = response == "*" || response.isEmpty ? response : PlanText.mask
                result.sentLines.append(shown)
                transcript.client(shown)
                try await connection.write(line: response)
                reply = try await connection.readReply(timeout: step.timeout)
                transcript.server(reply)
            }
            session.didReceive(reply, for: .auth)
            judge(step, reply: reply, took: ContinuousClock.now - clock, into: &result)
        } catch {
            fail(&result, error, phase: .command, took: ContinuousClock.now - clock)
        }
        return result
    }
}
