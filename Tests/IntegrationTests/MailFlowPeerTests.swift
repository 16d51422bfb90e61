import Foundation
import Testing

/// Mail flow through real peers (issue 11's "done when"): Postfix relays relay.example to a capture that
/// smtpspec runs on 127.0.0.1:2526 and sends DSNs back there; Dovecot serves the mailbox Postfix delivers to, read
/// over IMAP with STARTTLS; Postfix's own maildir is read as a directory. The captures all listen on 2526, where
/// the test Postfix relays, so these tests run one at a time.
@Suite(
    "Mail flow through Postfix and Dovecot",
    .serialized,
    .enabled(if: PeerEnvironment.peersAvailable)
)
struct MailFlowPeerTests {
    static func run(_ arguments: [String]) throws -> CLITests.Outcome {
        _ = try PeerEnvironment.requirePeer(.postfix)
        _ = try PeerEnvironment.requirePeer(.dovecotIMAP)
        return try CLITests.smtpspec(["run", "--no-color"] + arguments)
    }

    @Test("PeerExamples pass: relayed with headers, the relayed DSN, the failed 5.1.1 DSN, the mailbox over IMAP")
    func peerExamples() throws {
        let report = NSTemporaryDirectory() + "smtpspec-flow-\(UUID().uuidString).json"
        let outcome = try Self.run(["PeerExamples", "--jobs", "3", "--report", "json:\(report)"])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.hasSuffix("3 passed, 0 failed\n"))
        let text = try String(contentsOfFile: report, encoding: .utf8)
        // The IMAP password is a secret: in no output and no report.
        #expect(!text.contains("kate-secret") && !outcome.output.contains("kate-secret"))
        let data = Data(text.utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        func arrivals(_ name: String, _ verb: String) -> [[String: Any]] {
            let record = cases.first { ($0["name"] as? String)?.hasPrefix(name) == true }
            let step = (record?["steps"] as? [[String: Any]])?.first { $0["verb"] as? String == verb }
            return step?["arrivals"] as? [[String: Any]] ?? []
        }
        func notified(_ name: String) -> [String: Any]? {
            (arrivals(name, "await-dsn").first?["notification"] as? [[String: Any]])?.first
        }
        #expect(notified("Postfix relays")?["action"] as? String == "relayed")
        #expect(notified("Postfix bounces")?["action"] as? String == "failed")
        #expect(notified("Postfix bounces")?["status"] as? String == "5.1.1")
        #expect((notified("Postfix bounces")?["diagnosticCode"] as? String)?.contains("550 5.1.1") == true)
        let relayed = try #require(arrivals("Postfix relays", "await-message").first)
        #expect(relayed["recipients"] as? [String] == ["kate@relay.example"])
        #expect(relayed["reversePath"] as? String == "chris@relay.example")
        let mailbox = try #require(arrivals("The message reaches kate's mailbox", "await-message").first)
        #expect((mailbox["origin"] as? String)?.contains("imap kate@lmtp.smtpspec.test@127.0.0.1:2143/INBOX") == true)
        #expect(mailbox["deliveredTo"] as? [String] == ["kate@lmtp.smtpspec.test"])
    }

    @Test("A message Postfix cannot pass on never arrives: the step fails within its time, with the reasons")
    func neverArrives() throws {
        let started = Date()
        let outcome = try Self.run(["Tests/Fixtures/flow/never-arrives.smtp.yaml"])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.error)")
        #expect(
            outcome.output.contains(
                "got       the message did not arrive at capture relay-sink (127.0.0.1:2526) within 3s"
            ),
            "\(outcome.output)"
        )
        #expect(outcome.output.contains("The message is still queued or was deferred at the MTA"))
        #expect(outcome.output.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test("NOTIFY=NEVER: the message arrives and no DSN comes back (expect: none)")
    func notifyNever() throws {
        let outcome = try Self.run(["Tests/Fixtures/flow/notify-never.smtp.yaml"])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
    }

    @Test("A bounce where relaying was expected quotes the Diagnostic-Code and what 5.1.1 means")
    func bounceExplained() throws {
        let outcome = try Self.run(["Tests/Fixtures/flow/bounce-expected-relayed.smtp.yaml"])
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.contains("got       the notification reports \"failed\", expected relayed"))
        #expect(outcome.output.contains("The notification reports failed 5.1.1: permanent failure; addressing status"))
        #expect(
            outcome.output.contains("- The notification's Diagnostic-Code, as the next hop answered: smtp; 550 5.1.1")
        )
        #expect(outcome.output.contains("- The specified recipient doesn't exist."))
    }

    @Test("Nothing arrived over IMAP: the report lists the mailbox's latest messages, this case's own labelled")
    func imapLatest() throws {
        let outcome = try Self.run(["Tests/Fixtures/flow/imap-no-dsn.smtp.yaml"])
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.contains("got       no delivery status notification for the message arrived at imap"))
        #expect(outcome.output.contains("  arrived meanwhile\n"))
        #expect(outcome.output.contains("- (the message itself) imap kate@lmtp.smtpspec.test@127.0.0.1:2143/INBOX"))
        #expect(!outcome.output.contains("kate-secret"))
    }

    @Test("A maildir is a source: Postfix's own delivery to kate@fabrikam.com, found by Delivered-To")
    func maildir() throws {
        let outcome = try Self.run(["Tests/Fixtures/flow/maildir.smtp.yaml"])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
    }
}
