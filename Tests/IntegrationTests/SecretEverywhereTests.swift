import Foundation
import NIOCore
import NIOPosix
import Testing

/// A secret in every slot a value can take, through every way smtpspec shows anything: `check`, `plan`, and `run`
/// (console, `--verbose` with the runner's log, `--quiet`, `--transcripts`, every `--report` format), with values
/// that pass, values that fail at run time, and values the compiler refuses. No output holds a secret, a piece
/// of one (every secret carries the marker `zq7k`), a number read from one, or the base64 of one.
@Suite("Secrets are shown nowhere")
struct SecretEverywhereTests {
    /// Every slot a secret can take: the open host and port, EHLO/HELO/LHLO, AUTH user name and password, MAIL
    /// FROM with SIZE and ENVID, RCPT with ORCPT, a header name and value, the subject, the body, VRFY, EXPN,
    /// NOOP next to a capture, HELP and a raw line.
    static let everywhere = """
        name: secrets in every slot
        persona: exchange-auth
        steps:
          - open: {host: "${env:S_HOST}", port: "${env:S_PORT}"}
          - ehlo: "${env:S_EHLO}"
            capture: {greeted: '^(\\S+)'}
          - starttls: {verify: false}
          - ehlo: "${env:S_EHLO}"
          - auth: {mechanism: plain, username: "${env:S_USER}", password: "${env:S_PASS}"}
          - mail-from: {address: "${env:S_FROM}", size: "${env:S_SIZE}", envid: "${env:S_ENVID}"}
          - rcpt: {address: "${env:S_RCPT}", orcpt: "${env:S_ORCPT}"}
          - data:
              headers: {"${env:S_HNAME}": "${env:S_HVALUE}"}
              subject: "${env:S_SUBJ}"
              body: "${env:S_BODY}"
          - vrfy: "${env:S_VRFY}"
            expect: [2xx, 5xx]
          - expn: "${env:S_EXPN}"
            expect: [2xx, 5xx]
          - noop: "${env:S_NOOP} ${greeted}"
          - help: "${env:S_HELP}"
            expect: [2xx, 5xx]
          - send: "XZQ ${env:S_SEND}"
            expect: 5xx
          - quit
          - open: {host: "${env:S_HOST}", port: "${env:S_PORT}"}
          - helo: "${env:S_HELO}"
          - quit
          - open: {host: "${env:S_HOST}", port: "${env:S_PORT}"}
          - lhlo: "${env:S_LHLO}"
            expect: [2xx, 5xx]
          - quit

        """

    /// A recipient the server refuses: the failure report quotes the step, the reply and the transcript.
    static let failing = """
        name: failing with secrets
        persona: exchange
        steps:
          - open: "${env:S_SERVER}"
          - ehlo: client.example
          - mail-from: sender@contoso.com
          - rcpt: "${env:S_BADRCPT}"
          - quit

        """

    /// A capture that would inject header lines next to a secret in the subject: refused at run time.
    static let refused = """
        name: refused with secrets
        persona: exchange
        steps:
          - open: "${env:S_SERVER}"
          - ehlo: client.example
            capture: {all: '(?s)(.*)'}
          - mail-from: sender@contoso.com
          - rcpt: kate@fabrikam.com
          - data: {subject: "${env:S_SUBJ2} ${all}", body: hi}
          - quit

        """

    /// Values that are valid where they land.
    static let valid: [String: String] = [
        "S_HOST": "mx-zq7k.example", "S_PORT": "52599", "S_EHLO": "ehlo-zq7k.example", "S_USER": "chris@contoso.com",
        "S_PASS": "Contoso-Pa55", "S_FROM": "zq7k-sender@contoso.com", "S_SIZE": "30172839",
        "S_ENVID": "envid-zq7k-77", "S_RCPT": "kate@fabrikam.com", "S_ORCPT": "rfc822;orig-zq7k@fabrikam.com",
        "S_HNAME": "X-Zq7k-Name", "S_HVALUE": "value zq7k", "S_SUBJ": "subject zq7k", "S_BODY": "body zq7k",
        "S_VRFY": "vrfy-zq7k", "S_EXPN": "expn-zq7k", "S_NOOP": "noop-zq7k", "S_HELP": "help-zq7k",
        "S_SEND": "send-zq7k", "S_HELO": "helo-zq7k.example", "S_LHLO": "lhlo-zq7k.example",
        "S_BADRCPT": "zq7k-nobody@fabrikam.com", "S_SUBJ2": "second zq7k",
    ]

    /// Values each slot refuses at compile time.
    static let invalid: [String: String] = [
        "S_HOST": "mx zq7k", "S_PORT": "99zq7k", "S_EHLO": "bad zq7k!", "S_USER": "zq7k\nx",
        "S_PASS": "zq7k\r\npass", "S_FROM": "zq7k-no-at", "S_SIZE": "zq7k", "S_ENVID": "zq7k\u{E9}",
        "S_RCPT": "zq7k@@x", "S_ORCPT": ";zq7k", "S_HNAME": "X zq7k:", "S_HVALUE": "v\r\nBcc: zq7k",
        "S_SUBJ": "s\nzq7k", "S_BODY": "body zq7k", "S_VRFY": "zq7k\r\nRSET", "S_EXPN": "zq7k\nx",
        "S_NOOP": "zq7k\r", "S_HELP": "zq7k\n", "S_SEND": "zq7k\r\nQUIT", "S_HELO": "zq7k..x",
        "S_LHLO": "-zq7k-.x",
    ]

    /// What must appear nowhere: the marker in any case, the values read as numbers, the credentials, and the
    /// base64 of every secret and of the AUTH PLAIN response.
    static func needles(_ values: [String: String], extra: [String] = []) -> [String] {
        var needles = ["zq7k", "Zq7k", "ZQ7K", "30172839", "52599", "Contoso-Pa55"] + extra
        for value in values.values {
            needles.append(value)
            needles.append(Data(value.utf8).base64EncodedString())
        }
        if let user = values["S_USER"], let password = values["S_PASS"] {
            needles.append(Data([0] + Array(user.utf8) + [0] + Array(password.utf8)).base64EncodedString())
        }
        // Short or common values are checked through the marker and the numbers above.
        return needles.filter { $0.count >= 4 && $0 != "kate@fabrikam.com" && $0 != "chris@contoso.com" }
    }

    /// A port on 127.0.0.1 where nothing listens.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    @Test("no output of check, plan or run shows a secret, a piece of one or its base64")
    func nowhere() async throws {
        let folder = NSTemporaryDirectory() + "smtpspec-secrets-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = [("everywhere", Self.everywhere), ("failing", Self.failing), ("refused", Self.refused)]
        for (name, text) in files {
            try text.write(toFile: "\(folder)/\(name).smtp.yaml", atomically: true, encoding: .utf8)
        }
        let port = try await Self.closedPort()
        var valid = Self.valid
        valid["S_SERVER"] = "127.0.0.1:\(port)"
        let everywhere = "\(folder)/everywhere.smtp.yaml"
        let all = files.map { "\(folder)/\($0.0).smtp.yaml" }
        var outputs: [String: String] = [:]
        func record(_ name: String, _ arguments: [String], _ environment: [String: String], status: Int32) throws {
            let outcome = try CLITests.smtpspec(arguments, environment: environment)
            #expect(outcome.status == status, "\(name): \(outcome.output)\(outcome.error)")
            outputs[name] = outcome.output + outcome.error
        }

        try record("check", ["check", everywhere], valid, status: 0)
        try record("plan", ["plan", everywhere], valid, status: 0)
        let reports = ["junit", "json", "tap", "html"].flatMap { ["--report", "\($0):\(folder)/reports/report.\($0)"] }
        try record(
            "run --verbose",
            ["run"] + all + ["--mock", "--verbose", "--transcripts", "\(folder)/transcripts"] + reports,
            valid,
            status: 1
        )
        try record("run", ["run"] + all + ["--mock"], valid, status: 1)
        try record("run --quiet", ["run"] + all + ["--mock", "--quiet"], valid, status: 1)
        try record("run, refused connection", ["run", "\(folder)/failing.smtp.yaml", "--verbose"], valid, status: 1)
        try record("check, invalid values", ["check", everywhere], Self.invalid, status: 2)
        try record("plan, invalid values", ["plan", everywhere], Self.invalid, status: 2)
        try record("run, invalid values", ["run", everywhere, "--mock", "--verbose"], Self.invalid, status: 2)

        // The passing scenario played every step; the others failed where they should.
        let verbose = outputs["run --verbose"] ?? ""
        #expect(verbose.contains("✓ secrets in every slot"), "\(verbose)")
        #expect(verbose.contains("C: AUTH PLAIN ******"))
        #expect(verbose.contains("C: MAIL FROM:<******> SIZE=****** ENVID=******"))
        #expect(verbose.contains("C: RCPT TO:<******> ORCPT=******"))
        #expect(verbose.contains("C: ******: ******"))
        #expect(verbose.contains("C: LHLO ******"))
        #expect(verbose.contains("debug smtpspec.runner"))
        #expect(verbose.contains("refused to send header 'Subject'"))
        #expect(outputs["check, invalid values"]?.contains("the password of 'auth' holds a secret value") == true)

        for folderName in ["reports", "transcripts"] {
            let path = "\(folder)/\(folderName)"
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
            #expect(names.count >= (folderName == "reports" ? 4 : 3))
            for name in names {
                outputs["\(folderName)/\(name)"] = try String(contentsOfFile: "\(path)/\(name)", encoding: .utf8)
            }
        }
        let needles = Self.needles(valid, extra: ["127.0.0.1:\(port)"]) + Self.needles(Self.invalid)
        for (name, text) in outputs {
            for needle in needles where text.contains(needle) {
                Issue.record("\(name) shows \(needle.debugDescription):\n\(text)")
            }
        }
        // The host and port split from the secret server address are secrets too.
        let refusedConnection = outputs["run, refused connection"] ?? ""
        #expect(
            !refusedConnection.contains("\(port)") && !refusedConnection.contains("127.0.0.1"),
            "\(refusedConnection)"
        )
    }
}
