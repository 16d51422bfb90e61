import Foundation
import NIOCore
import NIOEmbedded
import NIOSSL
import Testing

@testable import SMTPRunner

/// Hand-built TLS records for the ServerHello parser (RFC 5246 §6.2.1 and §7.4.1.3, RFC 8446 §4.1.3 and §5.1).
enum TLSRecords {
    static let tls12: UInt16 = 0x0303
    static let tls13: UInt16 = 0x0304

    /// A ServerHello handshake message (type 2 with its 3-byte length).
    static func serverHello(
        version: UInt16 = tls12,
        random: [UInt8] = Array(repeating: 0xA5, count: 32),
        sessionID: [UInt8] = Array(1...32),
        cipherSuite: UInt16,
        extensions: [(type: UInt16, data: [UInt8])]? = nil
    ) -> [UInt8] {
        var body = bytes(version) + random + [UInt8(sessionID.count)] + sessionID + bytes(cipherSuite) + [0]
        if let extensions {
            let encoded = extensions.flatMap { bytes($0.type) + bytes(UInt16($0.data.count)) + $0.data }
            body += bytes(UInt16(encoded.count)) + encoded
        }
        return handshake(type: 2, body)
    }

    /// A TLS 1.3 ServerHello: legacy_version 1.2, `supported_versions` naming 1.3, and an X25519 key share.
    static func serverHello13(cipherSuite: UInt16, random: [UInt8] = Array(repeating: 0x5A, count: 32)) -> [UInt8] {
        serverHello(
            random: random,
            cipherSuite: cipherSuite,
            extensions: [
                (0x0033, bytes(UInt16(0x001D)) + bytes(UInt16(32)) + Array(repeating: 0x11, count: 32)),
                (0x002B, bytes(tls13)),
            ]
        )
    }

    /// A HelloRetryRequest: a ServerHello with the special random, asking for another key share.
    static func helloRetryRequest(cipherSuite: UInt16) -> [UInt8] {
        serverHello(
            random: ServerHelloParser.helloRetryRequestRandom,
            cipherSuite: cipherSuite,
            extensions: [(0x002B, bytes(tls13)), (0x0033, bytes(UInt16(0x0017)))]
        )
    }

    /// A handshake message of `type`.
    static func handshake(type: UInt8, _ body: [UInt8]) -> [UInt8] {
        [type, UInt8(body.count >> 16 & 0xFF), UInt8(body.count >> 8 & 0xFF), UInt8(body.count & 0xFF)] + body
    }

    /// A record carrying `payload` (22 handshake, 20 change_cipher_spec, 21 alert, 23 application data).
    static func record(type: UInt8 = 22, version: UInt16 = tls12, _ payload: [UInt8]) -> [UInt8] {
        [type] + bytes(version) + bytes(UInt16(payload.count)) + payload
    }

    static func bytes(_ value: UInt16) -> [UInt8] {
        [UInt8(value >> 8), UInt8(value & 0xFF)]
    }
}

/// Records the ``ServerHello`` user events that reach it.
private final class HelloRecorder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    var hellos: [ServerHello] = []

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let hello = event as? ServerHello { hellos.append(hello) }
        context.fireUserInboundEventTriggered(event)
    }
}

/// The ServerHello parser and the observer handler, fed hand-built records in every kind of piece.
@Suite("ServerHello observer")
struct ServerHelloObserverTests {
    /// What came out of the pipeline after feeding `chunks` through an observer.
    struct Outcome {
        var passedThrough: [UInt8]
        var hellos: [ServerHello]
        var observerStillThere: Bool
    }

    /// Feeds `chunks` one read each through an observer in an embedded channel.
    static func observe(_ chunks: [[UInt8]]) throws -> Outcome {
        let channel = EmbeddedChannel()
        let recorder = HelloRecorder()
        try channel.pipeline.syncOperations.addHandlers(ServerHelloObserver(), recorder)
        var passed: [UInt8] = []
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(bytes: chunk))
            while let buffer = try channel.readInbound(as: ByteBuffer.self) {
                passed += Array(buffer.readableBytesView)
            }
        }
        let still = (try? channel.pipeline.syncOperations.handler(type: ServerHelloObserver.self)) != nil
        _ = try channel.finish()
        return Outcome(passedThrough: passed, hellos: recorder.hellos, observerStillThere: still)
    }

    static func parse(_ chunks: [[UInt8]]) -> ServerHelloParser.Progress {
        var parser = ServerHelloParser()
        for chunk in chunks { parser.feed(ByteBuffer(bytes: chunk)) }
        return parser.progress
    }

    @Test("a TLS 1.2 ServerHello with extensions: the cipher suite and legacy_version")
    func tls12() throws {
        let hello = TLSRecords.serverHello(
            cipherSuite: 0xC030,
            extensions: [(0xFF01, [0]), (0x000B, [1, 0])]
        )
        // The ServerHello shares its record with the next handshake messages, as TLS 1.2 servers do.
        let certificate = TLSRecords.handshake(type: 11, Array(repeating: 0x30, count: 600))
        let stream = TLSRecords.record(hello + certificate)
        let outcome = try Self.observe([stream])
        let expected = ServerHello(cipherSuite: 0xC030, version: 0x0303)
        #expect(outcome.hellos == [expected])
        #expect(outcome.passedThrough == stream)
        #expect(!outcome.observerStillThere)
        #expect(expected.cipherSuiteName == "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
        #expect(expected.versionText == "1.2")
    }

    @Test("a TLS 1.2 ServerHello without any extensions")
    func tls12WithoutExtensions() {
        let stream = TLSRecords.record(TLSRecords.serverHello(sessionID: [], cipherSuite: 0x009C))
        #expect(Self.parse([stream]) == .found(ServerHello(cipherSuite: 0x009C, version: 0x0303)))
    }

    @Test("a TLS 1.3 ServerHello: the version comes from supported_versions")
    func tls13() throws {
        let stream =
            TLSRecords.record(TLSRecords.serverHello13(cipherSuite: 0x1302))
            + TLSRecords.record(type: 20, [1])
            + TLSRecords.record(type: 23, Array(repeating: 0xEE, count: 300))
        let outcome = try Self.observe([stream])
        #expect(outcome.hellos == [ServerHello(cipherSuite: 0x1302, version: 0x0304)])
        #expect(outcome.hellos.first?.versionText == "1.3")
        #expect(outcome.hellos.first?.cipherSuiteName == "TLS_AES_256_GCM_SHA384")
        #expect(outcome.passedThrough == stream)
        #expect(!outcome.observerStillThere)
    }

    @Test("a ServerHello that arrives one byte per read")
    func byteByByte() throws {
        let stream =
            TLSRecords.record(TLSRecords.serverHello13(cipherSuite: 0x1303))
            + TLSRecords.record(type: 23, Array(repeating: 0xEE, count: 40))
        let outcome = try Self.observe(stream.map { [$0] })
        #expect(outcome.hellos == [ServerHello(cipherSuite: 0x1303, version: 0x0304)])
        #expect(outcome.passedThrough == stream)
        #expect(!outcome.observerStillThere)
    }

    @Test("a ServerHello split across two records, the second split across reads")
    func acrossRecords() throws {
        let hello = TLSRecords.serverHello(cipherSuite: 0xCCA9, extensions: [(0xFF01, [0])])
        let first = TLSRecords.record(Array(hello.prefix(3)))
        let second = TLSRecords.record(Array(hello.dropFirst(3)))
        let stream = first + second
        let cut = first.count + 7
        let outcome = try Self.observe([Array(stream.prefix(cut)), Array(stream.dropFirst(cut))])
        #expect(outcome.hellos == [ServerHello(cipherSuite: 0xCCA9, version: 0x0303)])
        #expect(outcome.passedThrough == stream)
        #expect(outcome.hellos.first?.cipherSuiteName == "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256")
    }

    @Test("a HelloRetryRequest (and the compatibility change_cipher_spec) is skipped for the real ServerHello")
    func helloRetryRequest() throws {
        let retry =
            TLSRecords.record(TLSRecords.helloRetryRequest(cipherSuite: 0x1301))
            + TLSRecords.record(type: 20, [1])
        let real = TLSRecords.record(TLSRecords.serverHello13(cipherSuite: 0x1301))
        #expect(Self.parse([retry]) == .needMore)
        let outcome = try Self.observe([retry, real])
        #expect(outcome.hellos == [ServerHello(cipherSuite: 0x1301, version: 0x0304)])
        #expect(outcome.passedThrough == retry + real)
        #expect(!outcome.observerStillThere)
    }

    @Test("the HelloRetryRequest random is SHA-256 of \"HelloRetryRequest\"")
    func retryRandom() {
        let hex = ServerHelloParser.helloRetryRequestRandom.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c")
    }

    @Test("plaintext that is not TLS: gives up, passes every byte on, leaves the pipeline")
    func plaintext() throws {
        let stream = Array("220 mail.example.com ESMTP\r\n".utf8)
        let outcome = try Self.observe([Array(stream.prefix(3)), Array(stream.dropFirst(3))])
        #expect(outcome.hellos.isEmpty)
        #expect(outcome.passedThrough == stream)
        #expect(!outcome.observerStillThere)
    }

    @Test(
        "malformed or unexpected input gives up without crashing",
        arguments: [
            ("an alert", TLSRecords.record(type: 21, [2, 40])),
            ("application data first", TLSRecords.record(type: 23, [1, 2, 3])),
            ("a record longer than TLS allows", [22, 3, 3, 0xFF, 0xFF]),
            ("an empty record", [22, 3, 3, 0, 0]),
            ("record version 2", [22, 2, 0, 0, 4, 2, 0, 0, 0]),
            ("a Certificate before the ServerHello", TLSRecords.record(TLSRecords.handshake(type: 11, [0, 0, 0]))),
            ("a ServerHello claiming 16 MiB", TLSRecords.record([2, 0xFF, 0xFF, 0xFF])),
            ("a ServerHello cut short", TLSRecords.record(TLSRecords.handshake(type: 2, [3, 3, 1, 2]))),
            (
                "a session id of 200 bytes",
                TLSRecords.record(
                    TLSRecords.handshake(
                        type: 2,
                        [3, 3] + [UInt8](repeating: 0, count: 32) + [200] + [UInt8](repeating: 0, count: 210)
                    )
                )
            ),
            ("a bad legacy_version", TLSRecords.record(TLSRecords.serverHello(version: 0x0100, cipherSuite: 0x1301))),
            (
                "extensions overrunning the message",
                TLSRecords.record(
                    TLSRecords.handshake(
                        type: 2,
                        [3, 3] + [UInt8](repeating: 0, count: 32) + [0, 0x13, 0x01, 0, 0, 9, 0, 0x2B, 0, 2, 3]
                    )
                )
            ),
            (
                "a supported_versions of the wrong length",
                TLSRecords.record(TLSRecords.serverHello(cipherSuite: 0x1301, extensions: [(0x002B, [3, 4, 0])]))
            ),
        ] as [(String, [UInt8])]
    )
    func malformed(_ label: String, _ stream: [UInt8]) throws {
        let trailing: [UInt8] = Array("after".utf8)
        #expect(Self.parse([stream]).isGaveUp, "\(label)")
        let outcome = try Self.observe([stream, trailing])
        #expect(outcome.hellos.isEmpty, "\(label)")
        #expect(outcome.passedThrough == stream + trailing, "\(label)")
        #expect(!outcome.observerStillThere, "\(label)")
    }

    @Test("past 16 KiB without a ServerHello it gives up instead of buffering on")
    func byteLimit() throws {
        // change_cipher_spec records are skipped, so they never end the search themselves.
        let ccs = TLSRecords.record(type: 20, [UInt8](repeating: 1, count: 1000))
        let chunks = Array(repeating: ccs, count: 20)
        var parser = ServerHelloParser()
        var gaveUpAfter: Int?
        for (index, chunk) in chunks.enumerated() where gaveUpAfter == nil {
            if parser.feed(ByteBuffer(bytes: chunk)).isGaveUp { gaveUpAfter = index + 1 }
        }
        #expect(gaveUpAfter == 17)
        let outcome = try Self.observe(chunks)
        #expect(outcome.hellos.isEmpty)
        #expect(outcome.passedThrough == chunks.flatMap { $0 })
        #expect(!outcome.observerStillThere)
    }

    @Test("a ServerHello split mid-stream stays pending: the observer waits and forwards what it has")
    func pending() throws {
        let stream = TLSRecords.record(TLSRecords.serverHello13(cipherSuite: 0x1301))
        let outcome = try Self.observe([Array(stream.prefix(20))])
        #expect(outcome.hellos.isEmpty)
        #expect(outcome.passedThrough == Array(stream.prefix(20)))
        #expect(outcome.observerStillThere)
    }

    @Test("IANA names for known suites, 0xC0FF-style hex for the rest")
    func names() {
        #expect(CipherSuiteName.name(of: 0x1301) == "TLS_AES_128_GCM_SHA256")
        #expect(CipherSuiteName.name(of: 0xC02F) == "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
        #expect(CipherSuiteName.name(of: 0xCCA8) == "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
        #expect(CipherSuiteName.name(of: 0xC013) == "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")
        #expect(CipherSuiteName.name(of: 0xC0FF) == "0xC0FF")
        #expect(CipherSuiteName.name(of: 0x0005) == "0x0005")
        #expect(ServerHello(cipherSuite: 0x1301, version: 0x7F1C).versionText == nil)
    }

    @Test("TLS facts take the cipher from the ServerHello, and its version only when NIOSSL has none")
    func facts() {
        let hello = ServerHello(cipherSuite: 0x1302, version: 0x0304)
        let fromHello = TLSFacts(version: nil, certificate: nil, serverHello: hello, verified: false, serverName: nil)
        #expect(fromHello.cipher == "TLS_AES_256_GCM_SHA384")
        #expect(fromHello.version == "1.3")
        let fromNIOSSL = TLSFacts(
            version: .tlsv12,
            certificate: nil,
            serverHello: hello,
            verified: false,
            serverName: nil
        )
        #expect(fromNIOSSL.version == "1.2")
        let without = TLSFacts(version: .tlsv13, certificate: nil, verified: false, serverName: nil)
        #expect(without.cipher == nil)
    }
}

extension ServerHelloParser.Progress {
    fileprivate var isGaveUp: Bool {
        if case .gaveUp = self { return true }
        return false
    }
}
