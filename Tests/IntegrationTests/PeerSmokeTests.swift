import Foundation
import Testing

/// The peers `scripts/test.sh` starts are up and are what the other integration tests expect, so a broken peer
/// setup shows up here as a failing test rather than as puzzling failures elsewhere.
@Suite("Real peers", .enabled(if: PeerEnvironment.peersAvailable))
struct PeerSmokeTests {
    @Test("Postfix greets with its ESMTP banner")
    func postfixGreets() throws {
        let (host, port) = try PeerEnvironment.requirePeer(.postfix)
        let greeting = try PeerEnvironment.readGreeting(host: host, port: port)
        #expect(greeting.hasPrefix("220 "))
        #expect(greeting.contains("ESMTP Postfix"))
    }

    @Test("aiosmtpd greets with its Python SMTP banner")
    func aiosmtpdGreets() throws {
        let (host, port) = try PeerEnvironment.requirePeer(.aiosmtpd)
        let greeting = try PeerEnvironment.readGreeting(host: host, port: port)
        #expect(greeting.hasPrefix("220 "))
        #expect(greeting.contains("Python SMTP"))
    }

    @Test("dnsmasq accepts connections and the MX test domain and test CA are given")
    func dnsServerAndTestFilesAreThere() throws {
        _ = try PeerEnvironment.requirePeer(.dnsServer)
        #expect(PeerEnvironment.mxDomain == "mx.smtpspec.test")
        let caPath = try #require(PeerEnvironment.testCAPath)
        let pem = try String(contentsOfFile: caPath, encoding: .utf8)
        #expect(pem.contains("-----BEGIN CERTIFICATE-----"))
    }
}
