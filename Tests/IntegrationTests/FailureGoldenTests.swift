import Foundation
import Testing

/// Every kind of failure, produced for real (against the mock, a misbehaving loopback server, or a closed port),
/// rendered by the `smtpspec` binary as a user reads it, and compared with a golden console rendering (ports,
/// times, dates and certificate days normalised). Each report format must name the actual mismatch too: JUnit's
/// `message=`, TAP's `message`, the JSON report's typed mismatches and the HTML report.
///
/// Set `SMTPSPEC_UPDATE_GOLDEN=1` to rewrite the golden files after a deliberate change, then read the diff.
@Suite("Failure reports, golden")
struct FailureGoldenTests {
    /// One failure kind and how to produce it.
    struct Case: CustomStringConvertible, Sendable {
        /// The fixture's name: `Tests/Fixtures/golden/NAME.smtp.yaml`, golden file `Golden/NAME.txt`.
        var name: String
        /// `--mock` persona (a built-in name or a fixture file), or `nil` to play against `server`.
        var persona: String?
        /// A misbehaving loopback server to start (`silent`, `garbage`), whose port goes to `--var port=`.
        var server: String?
        /// What every report must say about the failure.
        var mustName: String
        /// The kind of the first mismatch in the JSON report.
        var kind: String
        /// The closing word of the failure heading.
        var heading = "FAIL"

        var description: String { name }
    }

    static let golden = "Tests/Fixtures/golden/golden.persona.yaml"

    static let cases: [Case] = [
        Case(name: "rcpt-user-unknown", persona: "exchange", mustName: "550 5.1.1 User unknown", kind: "reply"),
        Case(
            name: "capability-assertions",
            persona: "exchange",
            mustName: "capability SMTPUTF8 is not advertised",
            kind: "capability-missing"
        ),
        Case(
            name: "capability-parameter",
            persona: "exchange",
            mustName: "capability AUTH lacks PLAIN (advertised: NTLM)",
            kind: "capability-parameter"
        ),
        Case(
            name: "text-mismatch",
            persona: "exchange",
            mustName: "the reply text does not match /Sender accepted/",
            kind: "text"
        ),
        Case(
            name: "greeting-timeout",
            server: "silent",
            mustName: "connected, but no greeting within 1s",
            kind: "greeting-timeout"
        ),
        Case(
            name: "greeting-too-slow",
            persona: golden,
            mustName: "expected within 200ms",
            kind: "greeting-too-slow"
        ),
        Case(name: "command-too-slow", persona: golden, mustName: "expected within 200ms", kind: "too-slow"),
        Case(
            name: "command-timeout",
            persona: golden,
            mustName: "no complete reply within 500ms",
            kind: "timeout"
        ),
        Case(
            name: "connection-refused",
            mustName: "connection refused (nothing listens on that port)",
            kind: "connection-failed"
        ),
        Case(
            name: "connection-closed",
            persona: golden,
            mustName: "the server closed the connection instead of replying",
            kind: "connection-closed"
        ),
        Case(
            name: "protocol-defect",
            server: "garbage",
            mustName: "HELLO there, I am not an SMTP server",
            kind: "protocol-defect"
        ),
        Case(
            name: "enhanced-code-contradiction",
            persona: golden,
            mustName: "enhanced code 5.5.1 contradicts reply code 214",
            kind: "protocol-defect"
        ),
        Case(
            name: "unexpected-connection",
            persona: "exchange",
            mustName: "expected no connection",
            kind: "unexpected-connection"
        ),
        Case(
            name: "auth-without-tls",
            persona: "exchange",
            mustName: "refused to send AUTH over a connection without TLS",
            kind: "refused",
            heading: "ERROR"
        ),
        Case(
            name: "tls-valid-days",
            persona: "exchange",
            mustName: "more day(s), expected >= 100000",
            kind: "tls-valid-days"
        ),
        Case(
            name: "tls-san",
            persona: "exchange",
            mustName: "other.example is not among the certificate's alternative names",
            kind: "tls-san"
        ),
        Case(
            name: "tls-handshake",
            persona: "exchange",
            mustName: "the certificate does not name wrong.example",
            kind: "tls-name"
        ),
        Case(
            name: "tls-cipher",
            persona: "exchange",
            mustName: "does not match /^TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA$/",
            kind: "tls-cipher"
        ),
        Case(
            name: "tls-absent",
            persona: "exchange",
            mustName: "TLS checks need TLS on this connection",
            kind: "tls-absent"
        ),
        Case(
            name: "auth-mechanism-not-advertised",
            persona: "exchange",
            mustName: "the server did not advertise PLAIN (its EHLO reply listed AUTH NTLM)",
            kind: "reply"
        ),
        Case(
            name: "message-header",
            persona: "exchange",
            mustName: "header Subject does not match /^EXTERNAL:/",
            kind: "message-header"
        ),
        Case(
            name: "dsn-not-arrived",
            persona: "exchange",
            mustName: "no delivery status notification for the message arrived at the mock server within 1s",
            kind: "dsn-not-arrived"
        ),
        Case(
            name: "message-not-arrived",
            persona: "exchange",
            mustName: "the message did not arrive at maildir Tests/Fixtures/golden/empty-maildir within 1s",
            kind: "message-not-arrived"
        ),
        Case(
            name: "out-of-sequence",
            persona: "exchange",
            mustName: "out of sequence: RCPT before a successful MAIL",
            kind: "reply"
        ),
    ]

    @Test("each failure kind prints as its golden file and every report names the mismatch", arguments: cases)
    func failureKind(_ failure: Case) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("smtpspec-golden-\(failure.name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var arguments = ["run", "Tests/Fixtures/golden/\(failure.name).smtp.yaml", "--no-color"]
        if let persona = failure.persona { arguments += ["--mock", persona] }
        for format in ["junit", "tap", "json", "html"] {
            arguments += ["--report", "\(format):\(folder.path)/report.\(format)"]
        }
        var server: MisbehavingServer?
        if let mode = failure.server {
            let started = try MisbehavingServer(mode: mode)
            server = started
            arguments += ["--var", "port=\(started.port)"]
        }
        let outcome = try CLITests.smtpspec(arguments)
        server?.stop()
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.error)")

        let console = Self.normalised(outcome.output)
        #expect(console.contains("\(failure.heading) Tests/Fixtures/golden/\(failure.name).smtp.yaml:"))
        #expect(console.contains(failure.mustName), "console:\n\(console)")
        try Self.compare(console, withGolden: failure.name)

        let junit = try String(contentsOf: folder.appendingPathComponent("report.junit"), encoding: .utf8)
        let message = try #require(Self.attribute("message", in: junit), "no message= in\n\(junit)")
        #expect(message.contains(failure.mustName), "JUnit message=\(message)")
        Self.expectNoEqualCodes(in: message, "JUnit message=")

        let tap = try String(contentsOf: folder.appendingPathComponent("report.tap"), encoding: .utf8)
        let tapMessage = try #require(
            tap.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("message:") },
            "no message in\n\(tap)"
        )
        #expect(tapMessage.contains(failure.mustName) || Self.yamlUnquoted(tapMessage).contains(failure.mustName))
        Self.expectNoEqualCodes(in: String(tapMessage), "TAP message")

        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        let block = try #require(cases.first?["failure"] as? [String: Any], "no failure block in the JSON report")
        let mismatches = try #require(block["mismatches"] as? [[String: Any]])
        #expect(mismatches.first?["kind"] as? String == failure.kind, "\(mismatches)")
        let summary = try #require(block["summary"] as? String)
        #expect(summary.contains(failure.mustName), "JSON summary: \(summary)")

        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains(Self.htmlEscaped(failure.mustName)), "the HTML report does not name the mismatch")
    }

    @Test("the check for 'expected 250, got 250' catches it")
    func equalCodesAreCaught() {
        #expect(Self.equalCodes(in: "ehlo: expected 250, got 250-mail1.fabrikam.com Hello") != nil)
        #expect(Self.equalCodes(in: "expected 2xx, got 550 5.1.1 User unknown") == nil)
        #expect(Self.equalCodes(in: "expected 250 | 251, got 251 forwarding") != nil)
    }

    // MARK: - Helpers

    /// A report that says "expected 250, got 250" names no mismatch at all.
    static func expectNoEqualCodes(in text: String, _ what: String) {
        if let found = equalCodes(in: text) {
            Issue.record("\(what) says '\(found)', which names no mismatch: \(text)")
        }
    }

    /// `expected … CODE …, got CODE` where the code got is among the codes expected.
    static func equalCodes(in text: String) -> String? {
        let pattern = #/expected ([0-9x |]+), got (\d{3})/#
        guard let match = text.firstMatch(of: pattern) else { return nil }
        let expected = match.1.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        return expected.contains(String(match.2)) ? String(match.0) : nil
    }

    /// The first `name="…"` attribute's value, XML entities decoded.
    static func attribute(_ name: String, in xml: String) -> String? {
        guard let start = xml.range(of: " \(name)=\"") else { return nil }
        guard let end = xml[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(xml[start.upperBound..<end])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func yamlUnquoted(_ line: Substring) -> String {
        line.replacingOccurrences(of: "''", with: "'").replacingOccurrences(of: "\\\"", with: "\"")
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The console output with what changes from run to run replaced: loopback ports, durations, the mock's
    /// banner date, the days left on the mock's fresh certificate, and the negotiated cipher suite.
    static func normalised(_ text: String) -> String {
        var result = text
        result.replace(#/127\.0\.0\.1:\d+/#) { _ in "127.0.0.1:PORT" }
        result.replace(#/\((\d+(\.\d+)?m?s|\d+m \d+s)\)$/#.anchorsMatchLineEndings()) { _ in "(TIME)" }
        result.replace(#/came after \d+(\.\d+)?m?s/#) { _ in "came after TIME" }
        result.replace(#/ready at [A-Z][a-z]{2}, \d+ [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/#) { _ in
            "ready at DATE"
        }
        result.replace(#/valid for \d+ more day/#) { _ in "valid for N more day" }
        result.replace(#/queue id [0-9A-F]+/#) { _ in "queue id QUEUEID" }
        // The suite the mock and the client agree on depends on the processor (AES instructions or not).
        result.replace(#/cipher suite TLS_\w+ does not/#) { _ in "cipher suite TLS_SUITE does not" }
        return result
    }

    /// Compares `text` with `Golden/NAME.txt`, or writes it with `SMTPSPEC_UPDATE_GOLDEN=1`.
    static func compare(_ text: String, withGolden name: String) throws {
        let url = URL(fileURLWithPath: CLITests.root)
            .appendingPathComponent("Tests/IntegrationTests/Golden/\(name).txt")
        if ProcessInfo.processInfo.environment["SMTPSPEC_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "the console output differs from Golden/\(name).txt:\n\(text)")
    }
}

/// `Tests/Fixtures/golden/misbehaving_server.py` on an ephemeral loopback port; it stops when its standard input
/// closes.
final class MisbehavingServer: @unchecked Sendable {
    let port: Int
    private let process = Process()
    private let input = Pipe()

    init(mode: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [CLITests.root + "/Tests/Fixtures/golden/misbehaving_server.py", mode]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CLITests.CLIMissing(message: "the misbehaving server did not print its port")
        }
        self.port = port
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
