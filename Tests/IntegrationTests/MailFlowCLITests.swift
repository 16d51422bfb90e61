import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Mail flow through the binary: captures that smtpspec runs on a fixed loopback address, await steps that find
/// this case's message there or at the `run --mock` server, what a report says when nothing arrives, and the
/// captures' rules (one persona per address, a failed bind, `at: mock` without `--mock`), all before or without
/// any network beyond loopback.
@Suite("Mail flow through the binary")
struct MailFlowCLITests {
    /// A TCP socket listening on 127.0.0.1 on a port the kernel chose; closed when the holder is done with it.
    final class Listener {
        let descriptor: Int32
        let port: Int

        init() throws {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                    bind(descriptor, generic, length) == 0 && listen(descriptor, 1) == 0
                        && getsockname(descriptor, generic, &length) == 0
                }
            }
            guard bound else {
                _ = Glibc.close(descriptor)
                throw CocoaError(.fileWriteUnknown)
            }
            self.descriptor = descriptor
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        func close() { _ = Glibc.close(descriptor) }
        deinit { close() }
    }

    /// A port nothing listens on (the kernel's choice, released at once).
    static func freePort() throws -> Int {
        let listener = try Listener()
        listener.close()
        return listener.port
    }

    /// Writes `text` to a fresh folder as NAME.smtp.yaml and returns its path.
    static func scenario(_ name: String, _ text: String) throws -> String {
        let folder = NSTemporaryDirectory() + "smtpspec-flow-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/\(name).smtp.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A case that sends to the capture on `port` itself and waits for the message there (and, on `other`, for
    /// the same message somewhere it never goes).
    static func sendToCapture(port: Int, awaitAt: String = "inbox", within: String = "5s", extra: String = "") -> String
    {
        """
        capture:
          inbox: {listen: 127.0.0.1:\(port), persona: sink}
        \(extra)
        steps:
          - open: 127.0.0.1:\(port)
          - ehlo: client.example
          - mail-from: chris@relay.example
          - rcpt: kate@relay.example
          - data: {subject: "capture ${case.id}", body: "hello capture"}
          - quit
          - await-message: {at: \(awaitAt), to: kate@relay.example, within: \(within)}
            expect:
              headers: {Subject: '^capture ', Message-ID: present}
              body: hello
              envelope-from: chris@relay.example
        """
    }

    @Test("The README's mail-flow example passes against the mock: the message arrives, no DSN comes back")
    func exampleAgainstMock() throws {
        let dir = NSTemporaryDirectory() + "smtpspec-flow-\(UUID().uuidString)"
        let outcome = try CLITests.smtpspec([
            "run", "Examples/mail-arrives.smtp.yaml", "--mock", "--report", "json:\(dir).json", "--report",
            "html:\(dir).html",
        ])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.hasSuffix("1 passed, 0 failed\n"))
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(dir).json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let steps = try #require((report["cases"] as? [[String: Any]])?.first?["steps"] as? [[String: Any]])
        let awaited = try #require(steps.first { $0["verb"] as? String == "await-message" })
        let arrivals = try #require(awaited["arrivals"] as? [[String: Any]])
        #expect(arrivals.count == 1)
        #expect(arrivals.first?["thisCase"] as? Bool == true)
        #expect(arrivals.first?["recipients"] as? [String] == ["kate@fabrikam.com"])
        // The HTML sequence diagram shows the wait and what arrived.
        let html = try String(contentsOfFile: "\(dir).html", encoding: .utf8)
        #expect(html.contains("waiting up to 10s for the message &lt;smtpspec."))
        #expect(html.contains("arrived: the mock server #1"))
    }

    @Test("plan shows await steps: where, how long, which Message-ID, and what must arrive")
    func plan() throws {
        let outcome = try CLITests.smtpspec(["plan", "Examples/mail-arrives.smtp.yaml"])
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.contains("await-message \"the message arrives for kate, as sent\""))
        #expect(outcome.output.contains("(wait up to 10s for the message <smtpspec."))
        #expect(outcome.output.contains("to kate@fabrikam.com at the mock server)"))
        #expect(outcome.output.contains("expect  arrives; Subject =~ /^flow /, Message-ID present, X-Spam-Flag absent"))
        #expect(outcome.output.contains("expect  nothing arrives"))
    }

    @Test("An await step that fails never makes the session retry")
    func neverRetried() throws {
        let path = try Self.scenario(
            "retry",
            """
            retry: {on: [4xx, 5xx], attempts: 3, delay: 2s}
            steps:
              - open: mail1.fabrikam.com:25
              - ehlo: contoso.com
              - mail-from: chris@contoso.com
              - rcpt: kate@fabrikam.com
              - data: {subject: retry, body: hello}
              - await-dsn: {at: mock, within: 500ms}
            """
        )
        let report = NSTemporaryDirectory() + "smtpspec-flow-\(UUID().uuidString).json"
        let started = Date()
        let outcome = try CLITests.smtpspec(["run", path, "--mock", "exchange", "--report", "json:\(report)"])
        #expect(outcome.status == 1)
        #expect(Date().timeIntervalSince(started) < 4)
        let data = try Data(contentsOf: URL(fileURLWithPath: report))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["cases"] as? [[String: Any]])?.first?["attempts"] as? Int == 1)
    }

    @Test("A capture runs while the case runs, and the case finds its own message there")
    func capturePasses() throws {
        let port = try Self.freePort()
        let path = try Self.scenario("capture", Self.sendToCapture(port: port))
        let outcome = try CLITests.smtpspec(["run", path])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test("A capture stops after the last case that names it: a later file finds its port closed")
    func captureStopsAfterItsLastCase() throws {
        let port = try Self.freePort()
        let first = try Self.scenario("a-capture", Self.sendToCapture(port: port))
        let later = try Self.scenario(
            "b-later",
            """
            steps:
              - sleep: 300ms
              - open: 127.0.0.1:\(port)
                expect: no-connection
            """
        )
        let outcome = try CLITests.smtpspec(["run", first, later, "--jobs", "1"])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.hasSuffix("2 passed, 0 failed\n"))
    }

    @Test("A message that never arrives fails within its time, says where it looked, and lists the reasons")
    func neverArrives() throws {
        let port = try Self.freePort()
        let elsewhere = try Self.freePort()
        let path = try Self.scenario(
            "never",
            Self.sendToCapture(
                port: port,
                awaitAt: "elsewhere",
                within: "1s",
                extra: "  elsewhere: {listen: 127.0.0.1:\(elsewhere)}"
            )
        )
        let started = Date()
        let outcome = try CLITests.smtpspec(["run", path, "--no-color"])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.error)")
        #expect(
            outcome.output.contains(
                "got       the message did not arrive at capture elsewhere (127.0.0.1:\(elsewhere)) within 1s"
            ),
            "\(outcome.output)"
        )
        #expect(outcome.output.contains("The message is still queued or was deferred at the MTA"))
        #expect(outcome.output.contains("greylisted"))
        #expect(outcome.output.contains("quarantined"))
        #expect(outcome.output.contains("0 passed, 1 failed"))
    }

    @Test("A maildir path from ${env:...} is a secret: the failure never shows it")
    func secretSourceMasked() throws {
        let maildir = NSTemporaryDirectory() + "smtpspec-secret-maildir-\(UUID().uuidString)"
        for sub in ["new", "cur"] {
            try FileManager.default.createDirectory(atPath: "\(maildir)/\(sub)", withIntermediateDirectories: true)
        }
        let path = try Self.scenario(
            "secret",
            """
            steps:
              - open: mail1.fabrikam.com:25
              - ehlo: contoso.com
              - mail-from: chris@contoso.com
              - rcpt: kate@fabrikam.com
              - data: {subject: secret, body: hello}
              - await-message: {at: {maildir: "${env:FLOW_SECRET_DIR}"}, within: 300ms}
            """
        )
        let report = NSTemporaryDirectory() + "smtpspec-flow-\(UUID().uuidString).json"
        let outcome = try CLITests.smtpspec(
            ["run", path, "--mock", "exchange", "--no-color", "--report", "json:\(report)"],
            environment: ["FLOW_SECRET_DIR": maildir]
        )
        #expect(outcome.status == 1)
        #expect(
            outcome.output.contains("the message did not arrive at maildir ****** within 300ms"),
            "\(outcome.output)"
        )
        let json = try String(contentsOfFile: report, encoding: .utf8)
        for text in [outcome.output, outcome.error, json] { #expect(!text.contains(maildir)) }
    }

    @Test(
        "A secret that is also a JSON keyword or a number masks values only: every report stays well-formed",
        arguments: ["true", "25", "false"]
    )
    func shortSecretKeepsReportsWellFormed(secret: String) throws {
        let path = try Self.scenario(
            "short-secret",
            """
            steps:
              - open: mail1.fabrikam.com:25
              - ehlo: contoso.com
              - mail-from: chris@contoso.com
              - rcpt: kate@fabrikam.com
              - data: {subject: "n ${env:FLOW_SHORT_SECRET}", body: hello}
              - quit
              - await-message: {at: mock, within: 5s}
            """
        )
        let dir = NSTemporaryDirectory() + "smtpspec-short-secret-\(UUID().uuidString)"
        let outcome = try CLITests.smtpspec(
            [
                "run", path, "--mock", "exchange", "--report", "json:\(dir).json", "--report", "junit:\(dir).xml",
                "--report", "tap:\(dir).tap",
            ],
            environment: ["FLOW_SHORT_SECRET": secret]
        )
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(dir).json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let steps = try #require((json["cases"] as? [[String: Any]])?.first?["steps"] as? [[String: Any]])
        let arrival = try #require((steps.last?["arrivals"] as? [[String: Any]])?.first)
        #expect(arrival["thisCase"] as? Bool == true)
        #expect(arrival["subject"] as? String == "n ******")
        // JUnit's real consumer: xmllint (installed with the peers).
        let xmllint = Process()
        xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        xmllint.arguments = ["--noout", "\(dir).xml"]
        try xmllint.run()
        xmllint.waitUntilExit()
        #expect(xmllint.terminationStatus == 0)
        let tap = try String(contentsOfFile: "\(dir).tap", encoding: .utf8)
        #expect(tap.contains("1..1"))
        for text in [String(decoding: data, as: UTF8.self), tap] { #expect(!text.contains("n \(secret)")) }
    }

    @Test("One address, two personas, is invalid input: exit 2, nothing sent")
    func conflictingPersonas() throws {
        let port = try Self.freePort()
        let first = try Self.scenario("a", Self.sendToCapture(port: port))
        let second = try Self.scenario(
            "b",
            Self.sendToCapture(port: port).replacingOccurrences(of: "persona: sink", with: "persona: exchange")
        )
        let outcome = try CLITests.smtpspec(["run", first, second])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("listens on 127.0.0.1:\(port) with persona 'exchange'"), "\(outcome.error)")
        #expect(outcome.error.contains("nothing was sent"))
        #expect(outcome.output.isEmpty)
    }

    @Test("A capture that cannot listen stops the run before anything is sent: exit 2")
    func bindFails() throws {
        let taken = try Listener()
        defer { taken.close() }
        let path = try Self.scenario("taken", Self.sendToCapture(port: taken.port))
        let outcome = try CLITests.smtpspec(["run", path])
        #expect(outcome.status == 2, "\(outcome.output)\(outcome.error)")
        #expect(outcome.error.contains("cannot start the capture servers"), "\(outcome.error)")
        #expect(outcome.error.contains("nothing was sent"))
    }

    @Test("'at: mock' without --mock is invalid input: exit 2, pointing at the step")
    func mockWithoutMock() throws {
        let outcome = try CLITests.smtpspec(["run", "Examples/mail-arrives.smtp.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("Examples/mail-arrives.smtp.yaml:28:5: 'at: mock'"), "\(outcome.error)")
        #expect(outcome.error.contains("nothing was sent"))
    }
}
