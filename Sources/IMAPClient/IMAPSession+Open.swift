import Foundation
import NIOCore

extension IMAPSession {
    /// Reads the greeting, does STARTTLS when configured, logs in (unless PREAUTH) and EXAMINEs the mailbox.
    func open(tls: IMAPTLS?) async throws(IMAPError) {
        let greeting = try await readGreeting()
        var authenticated = greeting.status == .preauth
        if let announced = greeting.code?.capabilities { setCapabilities(announced) }
        if configuration.security == .starttls {
            guard let tls else { throw .tls("no TLS settings for STARTTLS") }
            guard !authenticated else {
                throw .tls("the server greeted with PREAUTH, so STARTTLS is no longer allowed (RFC 9051 §6.2.1)")
            }
            try await startTLS(tls)
        }
        if !authenticated {
            // Before any command: without TLS and without allowPlaintext, nothing at all is sent.
            guard connection.isTLS || configuration.allowPlaintext else { throw .plaintextRefused }
            if capabilities.isEmpty { try await run("CAPABILITY") }
            try await logIn()
            authenticated = true
        }
        if capabilities.isEmpty { try await run("CAPABILITY") }
        let mailbox = try IMAPQuoted.encode(configuration.mailbox, what: "the mailbox name")
        let examined = try await run("EXAMINE", arguments: mailbox)
        for case .numbered(let count, "EXISTS") in examined.untagged { messageCount = count }
    }

    /// The untagged OK, PREAUTH or BYE the server greets with.
    private func readGreeting() async throws(IMAPError) -> IMAPStatusResponse {
        let deadline = NIODeadline.now() + TimeAmount(configuration.commandTimeout)
        let response = try await connection.readResponse(until: deadline, command: "the greeting")
        guard case .untagged(.status(let greeting)) = response else {
            throw .protocolViolation("the server's first response is not a greeting: \(response)")
        }
        logger.debug("S: * \(greeting.status.rawValue) \(greeting.text)")
        switch greeting.status {
        case .ok, .preauth:
            return greeting
        case .bye:
            throw .commandFailed(command: "the greeting", status: "BYE", text: greeting.text)
        case .no, .bad:
            throw .protocolViolation("the server greeted with \(greeting.status.rawValue) \(greeting.text)")
        }
    }

    /// STARTTLS, the handshake, and the capabilities asked again (the ones from before TLS are forgotten).
    private func startTLS(_ tls: IMAPTLS) async throws(IMAPError) {
        if capabilities.isEmpty { try await run("CAPABILITY") }
        guard has("STARTTLS") else {
            throw .tls("the server does not offer STARTTLS (capabilities: \(capabilities.joined(separator: " ")))")
        }
        try await run("STARTTLS")
        let deadline = NIODeadline.now() + TimeAmount(configuration.commandTimeout)
        try await connection.startTLS(tls, until: deadline)
        logger.debug("TLS established after STARTTLS")
        setCapabilities([])
        try await run("CAPABILITY")
    }

    /// AUTHENTICATE PLAIN (with SASL-IR when offered) when AUTH=PLAIN is advertised, else LOGIN unless
    /// LOGINDISABLED. The capabilities are asked again afterwards unless the completion carried them.
    private func logIn() async throws(IMAPError) {
        let completion: IMAPCompletion
        if has("AUTH=PLAIN") {
            completion = try await authenticatePlain()
        } else if has("LOGINDISABLED") {
            throw .loginDisabled
        } else {
            let username = try IMAPQuoted.encode(configuration.username, what: "the username")
            let password = try IMAPQuoted.encode(configuration.password, what: "the password")
            setCapabilities([])
            completion = try await send("LOGIN", arguments: "\(username) \(password)", shown: "\(username) ******")
        }
        switch completion.status.status {
        case .ok:
            break
        case .no:
            throw .authenticationFailed(completion.status.text)
        default:
            throw .commandFailed(
                command: completion.status.status == .bad ? "LOGIN" : "AUTHENTICATE",
                status: completion.status.status.rawValue,
                text: completion.status.text
            )
        }
    }

    /// AUTHENTICATE PLAIN (RFC 4616): the initial response in the command with SASL-IR, else after the server's
    /// continuation request.
    private func authenticatePlain() async throws(IMAPError) -> IMAPCompletion {
        let username = Array(configuration.username.utf8)
        let password = Array(configuration.password.utf8)
        guard !username.contains(0), !password.contains(0) else {
            throw .invalidArgument("the username or the password contains NUL, which SASL PLAIN cannot carry")
        }
        let token = Data([0] + username + [0] + password).base64EncodedString()
        let withInitialResponse = has("SASL-IR")
        setCapabilities([])
        if withInitialResponse {
            return try await send("AUTHENTICATE", arguments: "PLAIN \(token)", shown: "PLAIN ******")
        }
        let tag = nextTag()
        logger.debug("C: \(tag) AUTHENTICATE PLAIN")
        try await connection.write(line: "\(tag) AUTHENTICATE PLAIN")
        let deadline = NIODeadline.now() + TimeAmount(configuration.commandTimeout)
        while true {
            switch try await connection.readResponse(until: deadline, command: "AUTHENTICATE") {
            case .continuation:
                logger.debug("C: ******")
                try await connection.write(line: token)
                return try await readCompletion(tag: tag, command: "AUTHENTICATE")
            case .tagged(let responseTag, let status) where responseTag == tag:
                return IMAPCompletion(untagged: [], status: status)
            case .tagged(let other, _):
                throw .protocolViolation("a completion for tag \(other) while waiting for \(tag)")
            case .untagged(let data):
                note(data)
            }
        }
    }

    /// LOGOUT, best effort and briefly (at most two seconds): errors are ignored, the connection closes anyway.
    func logOut() async {
        guard !connection.isClosed else { return }
        do {
            _ = try await send("LOGOUT", timeout: min(configuration.commandTimeout, .seconds(2)))
        } catch {
            logger.debug("LOGOUT: \(error)")
        }
    }
}
