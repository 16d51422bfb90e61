import Foundation

/// The test Dovecot that `scripts/peers.sh start` runs, read from the variables it writes to `.peers/env`: IMAP
/// with STARTTLS (`SMTPSPEC_DOVECOT_IMAP`), IMAPS (`SMTPSPEC_DOVECOT_IMAPS`), LMTP to deliver with
/// (`SMTPSPEC_DOVECOT_LMTP`) and the test CA (`SMTPSPEC_TEST_CA`).
///
/// Tests are enabled when `SMTPSPEC_PEERS=1` (the test script) or an IMAP address is given; under the test script
/// a peer that is not there fails the test instead of skipping it.
enum IMAPPeer {
    /// The user every test reads as, and its password (Tests/Peers/dovecot/users.in).
    static let user = "kate@lmtp.smtpspec.test"
    static let password = "kate-secret"

    /// Whether the peer tests run.
    static var available: Bool {
        value("SMTPSPEC_PEERS") == "1" || value("SMTPSPEC_DOVECOT_IMAP") != nil
    }

    /// A peer's address from `variable`, or an error naming it.
    static func endpoint(_ variable: String) throws -> (host: String, port: Int) {
        guard let text = value(variable) else {
            throw Unavailable(
                description: "\(variable) is not set: start the peers (scripts/peers.sh start) and "
                    + "export .peers/env (set -a; . .peers/env; set +a)"
            )
        }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else {
            throw Unavailable(description: "\(variable)=\(text) is not host:port")
        }
        let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard host.hasPrefix("127.") || host == "::1" else {
            throw Unavailable(description: "\(variable)=\(text) is not on loopback")
        }
        return (host, port)
    }

    /// The test CA's PEM file.
    static func testCA() throws -> String {
        guard let path = value("SMTPSPEC_TEST_CA") else {
            throw Unavailable(description: "SMTPSPEC_TEST_CA is not set")
        }
        return path
    }

    /// Delivers `message` to `recipient` through Dovecot's LMTP with Python's smtplib.LMTP.
    static func deliver(_ message: String, to recipient: String = user) throws {
        let lmtp = try endpoint("SMTPSPEC_DOVECOT_LMTP")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            """
            import smtplib, sys
            with smtplib.LMTP(sys.argv[1], int(sys.argv[2])) as s:
                refused = s.sendmail("chris@relay.example", [sys.argv[3]], sys.stdin.buffer.read())
                sys.exit(1 if refused else 0)
            """,
            lmtp.host, String(lmtp.port), recipient,
        ]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(message.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(
                description: "LMTP delivery to \(recipient) failed (python exit \(process.terminationStatus))"
            )
        }
    }

    /// A non-empty environment variable.
    static func value(_ name: String) -> String? {
        guard let text = ProcessInfo.processInfo.environment[name], !text.isEmpty else { return nil }
        return text
    }

    /// A peer the test needs is not there.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }
}
