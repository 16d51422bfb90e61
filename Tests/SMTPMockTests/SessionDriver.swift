import Foundation
import SMTPCore

@testable import SMTPMock

/// Drives a ``MockSession`` with text and collects the reply lines as they would go on the wire.
struct SessionDriver {
    var session: MockSession
    var delivered: [ReceivedMessage] = []
    var sawStartTLS = false
    var sawClose = false
    var delays: [Duration] = []
    /// Content handed to the spool (when the environment spools), and how many times content began.
    var spooled: [UInt8] = []
    var contentStarts = 0

    init(
        _ persona: Persona,
        greylist: Greylist = Greylist(),
        tlsAvailable: Bool = true,
        spoolsContent: Bool = false,
        keptContentOctets: Int? = nil
    ) {
        session = MockSession(
            persona: persona,
            environment: SessionEnvironment(
                clientAddress: "172.16.0.5",
                tlsAvailable: tlsAvailable,
                greylist: greylist,
                connectedAt: Date(timeIntervalSince1970: 1_470_439_481),
                spoolsContent: spoolsContent,
                keptContentOctets: keptContentOctets
            )
        )
    }

    static func builtin(_ name: String) throws -> SessionDriver {
        SessionDriver(try Persona.builtin(named: name))
    }

    /// The greeting lines.
    mutating func start() -> [String] {
        record(session.start())
    }

    /// Sends raw text; returns every reply line written in answer, without CRLF.
    @discardableResult
    mutating func send(_ text: String) -> [String] {
        record(session.receive(Array(text.utf8)))
    }

    /// Sends raw bytes.
    @discardableResult
    mutating func send(bytes: [UInt8]) -> [String] {
        record(session.receive(bytes))
    }

    /// Sends one command line (CRLF added) and returns its reply lines.
    @discardableResult
    mutating func command(_ line: String) -> [String] {
        send(line + "\r\n")
    }

    private mutating func record(_ actions: [SessionAction]) -> [String] {
        var lines: [String] = []
        for action in actions {
            switch action {
            case .reply(let reply): lines += reply.encodedLines
            case .deliver(let message): delivered.append(message)
            case .startTLS: sawStartTLS = true
            case .close: sawClose = true
            case .delay(let duration): delays.append(duration)
            case .beginContent:
                contentStarts += 1
                spooled = []
            case .content(let bytes): spooled += bytes
            }
        }
        return lines
    }
}
