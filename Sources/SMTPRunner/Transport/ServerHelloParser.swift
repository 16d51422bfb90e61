import NIOCore

/// Reads TLS records from the server's side of a connection until it has the ServerHello, for
/// ``ServerHelloObserver``.
///
/// It takes the bytes in whatever pieces they arrive: a record header or body split across reads, a handshake
/// message split across records. It skips a HelloRetryRequest (a ServerHello whose `random` is
/// SHA-256("HelloRetryRequest"), RFC 8446 §4.1.3) and the `change_cipher_spec` record TLS 1.3 servers may send
/// after one, and goes on to the real ServerHello. It gives up, for good, on anything that is not a plaintext
/// handshake leading with a ServerHello, and after ``byteLimit`` bytes without one.
struct ServerHelloParser {
    /// Where the parser is.
    enum Progress: Sendable, Hashable {
        /// No ServerHello yet: feed more bytes.
        case needMore
        /// The ServerHello.
        case found(ServerHello)
        /// The stream is not what the parser understands; the reason, for logs and tests.
        case gaveUp(String)
    }

    /// How many bytes the parser reads at most without finding the ServerHello.
    static let byteLimit = 16 * 1024
    /// The largest record length TLS allows: 2^14 plus expansion (RFC 5246 §6.2.3).
    static let recordLimit = (1 << 14) + 2048
    /// `random` of a HelloRetryRequest: SHA-256 of "HelloRetryRequest" (RFC 8446 §4.1.3).
    static let helloRetryRequestRandom: [UInt8] = [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ]

    private enum ContentType {
        static let changeCipherSpec: UInt8 = 20
        static let alert: UInt8 = 21
        static let handshake: UInt8 = 22
    }

    private static let serverHelloType: UInt8 = 2
    private static let supportedVersions: UInt16 = 0x002B

    /// Where the parser is; once not ``Progress/needMore`` it stays so.
    private(set) var progress = Progress.needMore
    /// The record header being collected (up to 5 bytes) while ``recordRemaining`` is 0.
    private var header = ByteBuffer()
    private var recordType: UInt8 = 0
    private var recordRemaining = 0
    /// Handshake bytes collected from handshake records, not yet a whole message.
    private var handshake = ByteBuffer()
    private var consumed = 0

    /// Creates a parser at the start of the server's byte stream.
    init() {}

    /// Reads the next bytes the server sent; returns ``progress``.
    @discardableResult
    mutating func feed(_ bytes: ByteBuffer) -> Progress {
        var bytes = bytes
        while bytes.readableBytes > 0, progress == .needMore {
            if recordRemaining == 0 {
                let take = min(5 - header.readableBytes, bytes.readableBytes)
                var piece = bytes.readSlice(length: take)!
                header.writeBuffer(&piece)
                consumed += take
                if header.readableBytes == 5 { startRecord() }
            } else {
                let take = min(recordRemaining, bytes.readableBytes)
                var fragment = bytes.readSlice(length: take)!
                recordRemaining -= take
                consumed += take
                if recordType == ContentType.handshake {
                    handshake.writeBuffer(&fragment)
                    readHandshakeMessages()
                }
            }
            if progress == .needMore, consumed > Self.byteLimit {
                giveUp("no ServerHello in the first \(Self.byteLimit) bytes")
            }
        }
        return progress
    }

    private mutating func startRecord() {
        let type = header.readInteger(as: UInt8.self)!
        let major = header.readInteger(as: UInt8.self)!
        _ = header.readInteger(as: UInt8.self)!
        let length = Int(header.readInteger(as: UInt16.self)!)
        header.clear()
        guard major == 3, length > 0, length <= Self.recordLimit else {
            giveUp("not a TLS record (type \(type), version major \(major), length \(length))")
            return
        }
        switch type {
        case ContentType.handshake, ContentType.changeCipherSpec:
            recordType = type
            recordRemaining = length
        case ContentType.alert:
            giveUp("the server sent an alert before its ServerHello")
        default:
            giveUp("a record of type \(type) before the ServerHello")
        }
    }

    /// Takes whole handshake messages off ``handshake``: a HelloRetryRequest is skipped, a ServerHello ends the
    /// search, anything else gives up.
    private mutating func readHandshakeMessages() {
        while progress == .needMore, handshake.readableBytes >= 4 {
            let start = handshake.readerIndex
            let type = handshake.getInteger(at: start, as: UInt8.self)!
            let length =
                Int(handshake.getInteger(at: start + 1, as: UInt8.self)!) << 16
                | Int(handshake.getInteger(at: start + 2, as: UInt16.self)!)
            guard type == Self.serverHelloType else {
                giveUp("the server's handshake starts with message type \(type), not ServerHello")
                return
            }
            guard length <= Self.byteLimit else {
                giveUp("a ServerHello of \(length) bytes")
                return
            }
            guard handshake.readableBytes >= 4 + length else { return }
            handshake.moveReaderIndex(forwardBy: 4)
            let body = handshake.readSlice(length: length)!
            handshake.discardReadBytes()
            switch Self.parseServerHello(body) {
            case nil:
                giveUp("a malformed ServerHello")
            case .retry?:
                continue
            case .hello(let hello)?:
                progress = .found(hello)
            }
        }
    }

    private enum Parsed {
        case hello(ServerHello)
        case retry
    }

    /// The ServerHello body: legacy_version, random, legacy_session_id, cipher_suite, compression, extensions.
    private static func parseServerHello(_ body: ByteBuffer) -> Parsed? {
        var body = body
        guard let legacyVersion = body.readInteger(as: UInt16.self), legacyVersion >> 8 == 3,
            let random = body.readBytes(length: 32),
            let sessionIDLength = body.readInteger(as: UInt8.self), sessionIDLength <= 32,
            body.readSlice(length: Int(sessionIDLength)) != nil,
            let cipherSuite = body.readInteger(as: UInt16.self),
            body.readInteger(as: UInt8.self) != nil
        else { return nil }
        var version = legacyVersion
        if body.readableBytes > 0 {
            // Extensions are optional before TLS 1.3; when present they fill the rest of the message.
            guard let total = body.readInteger(as: UInt16.self), var extensions = body.readSlice(length: Int(total)),
                body.readableBytes == 0
            else { return nil }
            while extensions.readableBytes > 0 {
                guard let type = extensions.readInteger(as: UInt16.self),
                    let length = extensions.readInteger(as: UInt16.self),
                    var data = extensions.readSlice(length: Int(length))
                else { return nil }
                if type == supportedVersions {
                    guard length == 2, let selected = data.readInteger(as: UInt16.self) else { return nil }
                    version = selected
                }
            }
        }
        if random == helloRetryRequestRandom { return .retry }
        return .hello(ServerHello(cipherSuite: cipherSuite, version: version))
    }

    private mutating func giveUp(_ reason: String) {
        progress = .gaveUp(reason)
        header = ByteBuffer()
        handshake = ByteBuffer()
    }
}
