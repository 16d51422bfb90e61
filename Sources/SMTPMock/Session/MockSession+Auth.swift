import Foundation
import SMTPCore

extension MockSession {
    mutating func auth(_ argument: String, actions: inout [SessionAction]) {
        guard helo != nil else { return actions.append(.reply(reply(.needHelo))) }
        guard !offeredMechanisms.isEmpty else { return actions.append(.reply(reply(.authUnavailable))) }
        guard authenticatedUser == nil, transaction == nil else {
            return actions.append(.reply(reply(.authSequence)))
        }
        let words = argument.split(separator: " ")
        guard let mechanism = words.first?.uppercased(), words.count <= 2 else {
            return actions.append(
                .reply(
                    reply(.syntaxError, ReplyValues(argument: argument, usage: "AUTH <mechanism> [initial-response]"))
                )
            )
        }
        guard ["PLAIN", "LOGIN"].contains(mechanism), offeredMechanisms.contains(mechanism) else {
            return actions.append(.reply(reply(.authMechanism, ReplyValues(argument: mechanism))))
        }
        let initial = words.count == 2 ? String(words[1]) : nil
        switch (mechanism, initial) {
        case ("PLAIN", nil):
            mode = .authPlain
            actions.append(.reply(Reply(code: .authChallenge, lines: [""])))
        case ("PLAIN", let response?):
            mode = .authPlain
            handleAuthResponse(response, actions: &actions)
        case (_, nil):
            mode = .authLoginUsername
            actions.append(.reply(Reply(code: .authChallenge, lines: ["VXNlcm5hbWU6"])))
        case (_, let response?):
            mode = .authLoginUsername
            handleAuthResponse(response, actions: &actions)
        }
    }

    /// Handles a line sent in answer to a 334 challenge.
    mutating func handleAuthResponse(_ line: String, actions: inout [SessionAction]) {
        let step = mode
        mode = .commands
        if line == "*" { return actions.append(.reply(reply(.authCancelled))) }
        let decoded: [UInt8]
        if line == "=" {
            decoded = []
        } else if let data = Data(base64Encoded: line) {
            decoded = Array(data)
        } else {
            return actions.append(
                .reply(reply(.syntaxError, ReplyValues(argument: "invalid base64", usage: "a base64 response")))
            )
        }
        switch step {
        case .authPlain:
            let fields = decoded.split(separator: 0, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            guard fields.count == 3, fields[0].isEmpty || fields[0] == fields[1] else {
                return actions.append(.reply(reply(.authFailed)))
            }
            finishAuth(username: fields[1], password: fields[2], actions: &actions)
        case .authLoginUsername:
            mode = .authLoginPassword(username: String(decoding: decoded, as: UTF8.self))
            actions.append(.reply(Reply(code: .authChallenge, lines: ["UGFzc3dvcmQ6"])))
        case .authLoginPassword(let username):
            finishAuth(username: username, password: String(decoding: decoded, as: UTF8.self), actions: &actions)
        default:
            break
        }
    }

    private mutating func finishAuth(username: String, password: String, actions: inout [SessionAction]) {
        guard persona.auth.accepts(username: username, password: password) else {
            return actions.append(.reply(reply(.authFailed)))
        }
        authenticatedUser = username
        actions.append(.reply(reply(.authOK)))
    }
}
