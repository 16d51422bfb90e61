import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import SMTPMock
import SMTPRunner
import Testing

/// The cipher suite the runner records (read from the ServerHello) is the one `openssl s_client` negotiates with
/// the same server: over STARTTLS and implicit TLS with the mock server (TLS 1.3), and over implicit TLS with a
/// server that allows only TLS 1.2 and one cipher suite.
@Suite("Runner records the negotiated cipher suite")
struct RunnerCipherTests {
    /// What `openssl s_client` negotiated.
    struct Negotiated: Sendable, Equatable {
        /// `1.2` or `1.3`.
        var version: String
        /// The IANA name (OpenSSL's own TLS 1.2 names translated with `openssl ciphers -stdname`).
        var cipher: String
    }

    static let openssl = "/usr/bin/openssl"

    /// The TLS 1.3 suites the runner's client (BoringSSL, through NIOSSL) offers, in its order on a machine with
    /// AES instructions. A TLS 1.3 server picks among equally strong suites in the client's order, and OpenSSL's
    /// own order starts with AES-256, so `openssl s_client` offers these instead: with the same offer, the server's
    /// choice must be the same for both clients.
    static let runnerTLS13Offer = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"

    /// Connects `openssl s_client -brief` to 127.0.0.1:`port` (with `-starttls smtp` when asked) and reads what
    /// it negotiated from its "Protocol version: TLSv1.3" and "Ciphersuite: ..." lines. (The "New, TLSv1, Cipher
    /// is" line of the long form names the suite's first version, not the negotiated one.)
    static func negotiatedByOpenSSL(port: Int, starttls: Bool, extra: [String] = []) async throws -> Negotiated {
        try #require(
            FileManager.default.isExecutableFile(atPath: openssl),
            "openssl is missing: install the Debian package 'openssl' (apt-get install -y openssl)"
        )
        var arguments = ["s_client", "-brief", "-connect", "127.0.0.1:\(port)", "-ciphersuites", runnerTLS13Offer]
        arguments += extra
        if starttls { arguments += ["-starttls", "smtp"] }
        let output = try await run(openssl, arguments)
        func value(_ label: String) throws -> String {
            let line = try #require(
                output.split(separator: "\n").first { $0.hasPrefix(label) },
                "no '\(label)' line from openssl:\n\(output)"
            )
            return line.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        }
        let version = try value("Protocol version:")
        try #require(version.hasPrefix("TLSv"), "unexpected protocol version from openssl: \(version)")
        return Negotiated(
            version: String(version.dropFirst("TLSv".count)),
            cipher: try await ianaName(try value("Ciphersuite:"))
        )
    }

    /// TLS 1.3 suites already have their IANA names in OpenSSL; a TLS 1.2 name is looked up with
    /// `openssl ciphers -stdname`, whose lines read `IANA_NAME - OPENSSL-NAME TLSv1.2 Kx=...`.
    static func ianaName(_ opensslName: String) async throws -> String {
        if opensslName.hasPrefix("TLS_") { return opensslName }
        let listing = try await run(openssl, ["ciphers", "-stdname", opensslName])
        for line in listing.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count >= 3, words[1] == "-", words[2] == opensslName { return String(words[0]) }
        }
        Issue.record("openssl ciphers -stdname has no IANA name for \(opensslName):\n\(listing)")
        return opensslName
    }

    /// Runs a program with empty standard input and returns its standard output and error together.
    static func run(_ path: String, _ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        // Blocking reads run on a thread of their own, off the cooperative pool the servers need.
        let data = await withCheckedContinuation { continuation in
            Thread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: data)
            }.start()
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A TLS expectation pinning the exact cipher and version.
    static func expectTLS(_ negotiated: Negotiated) -> String {
        "tls: {cipher: \"^\(negotiated.cipher)$\", version: \"\(negotiated.version)\"}"
    }

    @Test("STARTTLS with the mock server: the recorded cipher is what openssl negotiates")
    func startTLS() async throws {
        try await withMockServer(persona: try Persona.builtin(named: "postfix")) { server in
            let port = server.address.port
            let openssl = try await Self.negotiatedByOpenSSL(port: port, starttls: true)
            let result = try await RunnerHarness.runOne(
                """
                name: cipher over STARTTLS
                steps:
                  - open: 127.0.0.1:\(port)
                  - ehlo: client.example
                  - starttls: {verify: false}
                    expect:
                      reply: 220
                      \(Self.expectTLS(openssl))
                  - ehlo: client.example
                  - quit
                """
            )
            #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
            let facts = try #require(try RunnerHarness.step(result, 2).tls)
            #expect(facts.cipher == openssl.cipher)
            #expect(facts.version == openssl.version)
        }
    }

    @Test("implicit TLS with the mock server: the recorded cipher is what openssl negotiates")
    func implicitTLS() async throws {
        var persona = try Persona.builtin(named: "postfix")
        persona.tls.implicit = true
        try await withMockServer(persona: persona) { server in
            let port = server.address.port
            let openssl = try await Self.negotiatedByOpenSSL(port: port, starttls: false)
            let result = try await RunnerHarness.runOne(
                """
                name: cipher over implicit TLS
                steps:
                  - open: {host: 127.0.0.1, port: \(port), tls: implicit, verify: false}
                    expect:
                      reply: 220
                      \(Self.expectTLS(openssl))
                  - ehlo: client.example
                  - quit
                """
            )
            #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
            let facts = try #require(try RunnerHarness.step(result, 0).tls)
            #expect(facts.cipher == openssl.cipher)
            #expect(facts.version == openssl.version)
        }
    }

    @Test(
        "TLS 1.2 with one cipher suite allowed: the runner and openssl agree on the suite",
        arguments: [
            NIOTLSCipher.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            .TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            .TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        ]
    )
    func tls12(suite: NIOTLSCipher) async throws {
        try await TLS12Server.with(suite: suite) { port in
            let openssl = try await Self.negotiatedByOpenSSL(port: port, starttls: false, extra: ["-tls1_2"])
            #expect(openssl.version == "1.2")
            let result = try await RunnerHarness.runOne(
                """
                name: cipher over TLS 1.2
                steps:
                  - open: {host: 127.0.0.1, port: \(port), tls: implicit, verify: false}
                    expect:
                      reply: 220
                      \(Self.expectTLS(openssl))
                  - quit
                """
            )
            #expect(result.status == .passed, "\(RunnerHarness.transcript(result))")
            let facts = try #require(try RunnerHarness.step(result, 0).tls)
            #expect(facts.cipher == openssl.cipher)
            #expect(facts.version == "1.2")
        }
    }
}

/// An SMTPS server on 127.0.0.1 that allows TLS 1.2 only and one cipher suite, with the mock's throwaway
/// ECDSA certificate (``RunnerImplicitTLSServer`` with that configuration).
enum TLS12Server {
    /// Starts the server, runs `body` with its port, then stops it.
    static func with<T: Sendable>(suite: NIOTLSCipher, _ body: @Sendable (Int) async throws -> T) async throws -> T {
        let identity = try TLSIdentity.selfSigned()
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: identity.certificateChain.map { .certificate($0) },
            privateKey: .privateKey(identity.privateKey)
        )
        configuration.minimumTLSVersion = .tlsv12
        configuration.maximumTLSVersion = .tlsv12
        configuration.cipherSuiteValues = [suite]
        return try await RunnerImplicitTLSServer.with(configuration: configuration, body)
    }
}
