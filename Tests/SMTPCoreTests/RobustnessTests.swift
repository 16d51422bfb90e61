import SMTPCore
import Testing

/// Arbitrary bytes never crash the parsers, and their buffers stay bounded.
@Suite struct RobustnessTests {
    /// A small deterministic generator (a linear congruential generator), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    /// Bytes biased towards the ones that matter to SMTP framing.
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var generator = Generator(state: seed)
        let interesting = Array("\r\n.- 250 5.1.1 2".utf8)
        return (0..<count).map { _ in
            Bool.random(using: &generator)
                ? interesting.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator)
        }
    }

    @Test(arguments: 1...20)
    func replyReaderSurvivesNoise(seed: Int) {
        var reader = ReplyReader()
        let bytes = Self.noise(count: 5000, seed: UInt64(seed))
        var index = 0
        while index < bytes.count {
            let end = min(bytes.count, index + 1 + (index * 7) % 97)
            reader.append(bytes[index..<end])
            while reader.nextReply() != nil {}
            #expect(reader.bufferedByteCount <= SMTPLimits.replyLine)
            index = end
        }
        _ = reader.connectionClosed()
    }

    @Test(arguments: 1...20)
    func serverSideSurvivesNoise(seed: Int) {
        let bytes = Self.noise(count: 5000, seed: UInt64(seed) + 100)
        var framer = CommandLineFramer()
        framer.append(bytes)
        while let line = framer.nextLine() {
            if case .success(let framed) = line {
                _ = SMTPCommand.parse(framed.text)
                _ = AddressSyntax.validateMailbox(framed.text)
                _ = AddressSyntax.validateDomain(framed.text)
            }
        }
        #expect(framer.bufferedByteCount <= SMTPLimits.commandLine)
        var unstuffer = DotUnstuffer(maxMessageSize: 1000)
        _ = unstuffer.feed(bytes)
        _ = XText.decode(String(decoding: bytes, as: UTF8.self))
        _ = Base64.decode(String(decoding: bytes, as: UTF8.self))
    }
}
