import Testing

/// The command line against the real peers on loopback: the seed walkthrough passes against Postfix and
/// aiosmtpd, a wrong recipient fails at its step with the reply quoted, STARTTLS verifies with the test CA
/// and fails clearly without it.
@Suite("smtpspec run against real servers", .enabled(if: PeerEnvironment.peersAvailable))
struct CLIPeerTests {
    private func run(_ file: String, peer: PeerEnvironment.Peer) throws -> CLITests.Outcome {
        let (host, port) = try PeerEnvironment.requirePeer(peer)
        let server = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        return try CLITests.smtpspec(["run", file, "--server", server, "--verbose"])
    }

    @Test(
        "the seed walkthrough passes against Postfix",
        arguments: [
            "Examples/exchange-walkthrough.smtp.yaml", "Examples/exchange-walkthrough-raw.smtp.yaml",
        ]
    )
    func seedAgainstPostfix(file: String) throws {
        let outcome = try run(file, peer: .postfix)
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.contains("C: RCPT TO:<kate@fabrikam.com> NOTIFY=SUCCESS,FAILURE"))
        #expect(outcome.output.contains("S: 250 2.0.0 Ok: queued as "))
        #expect(outcome.output.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test("the seed walkthrough passes against aiosmtpd")
    func seedAgainstAiosmtpd() throws {
        let outcome = try run("Tests/Fixtures/peers/seed-walkthrough-aiosmtpd.smtp.yaml", peer: .aiosmtpd)
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.contains("Python SMTP"))
        #expect(outcome.output.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test("a wrong recipient fails at the rcpt step with Postfix's reply quoted and its place in the file")
    func wrongRecipient() throws {
        let outcome = try run("Tests/Fixtures/failing/rcpt-user-unknown.smtp.yaml", peer: .postfix)
        #expect(outcome.status == 1)
        #expect(
            outcome.output.contains(
                "FAIL Tests/Fixtures/failing/rcpt-user-unknown.smtp.yaml:9:5  rcpt TO:<nobody@fabrikam.com>"
            )
        )
        #expect(
            outcome.output.contains(
                "got       550 5.1.1 <nobody@fabrikam.com>: Recipient address rejected: User unknown in local "
                    + "recipient table"
            )
        )
        #expect(outcome.output.contains("The specified recipient doesn't exist."))
    }

    @Test("STARTTLS verifies against the test CA, and fails clearly without it")
    func startTLS() throws {
        let verified = try run("Tests/Fixtures/peers/starttls-test-ca.smtp.yaml", peer: .postfix)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        let unverified = try run("Tests/Fixtures/peers/starttls-unverified.smtp.yaml", peer: .postfix)
        #expect(unverified.status == 1)
        #expect(unverified.output.contains("TLS certificate verification failed"))
    }
}

/// The progress line as a user on a terminal sees it: the binary runs under a pseudo-terminal, and a case with one
/// result per MX host (`each: true`) counts once.
@Suite("The progress line on a terminal", .enabled(if: PeerEnvironment.peersAvailable))
struct ProgressLineTerminalTests {
    /// Runs the command under a pseudo-terminal (Python's pty) and passes on everything it wrote there.
    static let ptyLauncher = [
        "/usr/bin/python3", "-c",
        """
        import os, pty, sys
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(sys.argv[1], sys.argv[1:])
        out = b""
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            out += data
        _, status = os.waitpid(pid, 0)
        sys.stdout.buffer.write(out)
        sys.exit(os.waitstatus_to_exitcode(status))
        """,
    ]

    @Test("three cases of two MX hosts each: the progress line counts cases, after each case's two lines")
    func mxEachCountsCases() throws {
        let postfix = try PeerEnvironment.requirePeer(.postfix)
        let dns = try PeerEnvironment.requirePeer(.dnsServer)
        let domain = PeerEnvironment.mxDomain ?? "mx.smtpspec.test"
        let path = try MailFlowCLITests.scenario(
            "mx-progress",
            """
            name: MX progress
            matrix:
              n: [1, 2, 3]
            steps:
              - open: {mx: \(domain), port: \(postfix.1), each: true}
              - quit
            """
        )
        let outcome = try CLITests.smtpspec(
            ["run", path, "--no-color", "--dns-server", "\(dns.0):\(dns.1)"],
            launcher: Self.ptyLauncher
        )
        #expect(outcome.status == 1, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.contains("3 passed, 3 failed"), "\(outcome.output)")
        // What the terminal shows, cut at every line end and carriage return: case lines (✓ or ✗ first) and the
        // progress line drawn between them (then erased with spaces).
        let shown = outcome.output
        // (CRLF is one Character, so it is named on its own.)
        let pieces = shown.split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }).map(String.init)
        for (done, linesBefore) in [(1, 2), (2, 4)] {
            let mark = try #require(pieces.firstIndex { $0.hasPrefix("[\(done)/3] MX progress") }, "\(shown)")
            let caseLines = pieces[..<mark].filter { $0.hasPrefix("✓") || $0.hasPrefix("✗") }
            #expect(caseLines.count == linesBefore, "\(shown)")
        }
        #expect(!shown.contains("[4/3]") && !shown.contains("[3/3]"))
    }
}
