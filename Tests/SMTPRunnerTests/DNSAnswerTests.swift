import NIOCore
import NIOPosix
import SMTPRunner
import SMTPScenario
import Testing

/// A DNS server on 127.0.0.1 (an ephemeral UDP port) that answers every query with one response code and no
/// records, so the runner's real resolver (glibc's libresolv) meets REFUSED, SERVFAIL, NXDOMAIN and empty answers.
private final class FixedAnswerHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    let responseCode: UInt8

    init(responseCode: UInt8) {
        self.responseCode = responseCode
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        var query = envelope.data
        guard let bytes = query.readBytes(length: query.readableBytes), bytes.count >= 12 else { return }
        var reply = bytes
        reply[2] = 0x80 | (bytes[2] & 0x01)  // a response, recursion desired copied from the query
        reply[3] = 0x80 | responseCode  // recursion available, so an empty NOERROR is no referral
        for index in 6..<12 { reply[index] = 0 }  // no answer, authority or additional records
        let answer = AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: ByteBuffer(bytes: reply))
        context.writeAndFlush(wrapOutboundOut(answer), promise: nil)
    }
}

@Suite("DNS answers as the runner reports them")
struct DNSAnswerTests {
    /// Runs `open: {mx: domain}` against a DNS server that answers `responseCode`, and returns the failure message.
    func openMX(_ domain: String, responseCode: UInt8) async throws -> (message: String, notes: [String]) {
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(FixedAnswerHandler(responseCode: responseCode))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        defer { channel.close(promise: nil) }
        let port = try #require(channel.localAddress?.port)
        var open = PlanBuilder.open("127.0.0.1:1")
        open.action = .open(
            OpenPlan(
                target: .mx(domain: domain, port: 25),
                each: false,
                tls: .none,
                tlsOptions: TLSPlan(),
                connectTimeout: PlanBuilder.patience
            )
        )
        let options = RunnerOptions(dnsServer: Endpoint(host: "127.0.0.1", port: port))
        let results = await ScenarioRunner(options: options).run(PlanBuilder.scenario(PlanBuilder.plan([open])))
        let result = try #require(results.first)
        let failure = try #require(result.failedStep?.failure)
        #expect(failure.kind == .connectionFailed(.dnsFailure))
        return (failure.message, result.transcript.filter { $0.direction == .note }.map(\.text))
    }

    @Test("REFUSED is reported as a refusal, not as a timeout or a server failure")
    func refused() async throws {
        let (message, _) = try await openMX("refused.test", responseCode: 5)
        #expect(message == "the MX lookup for refused.test failed: the DNS server refused the query (REFUSED)")
    }

    @Test("SERVFAIL is reported as a server failure")
    func serverFailure() async throws {
        let (message, _) = try await openMX("servfail.test", responseCode: 2)
        #expect(
            message == "the MX lookup for servfail.test failed: the DNS server failed to resolve the name (SERVFAIL)"
        )
    }

    @Test("NXDOMAIN is reported as a domain that does not exist")
    func nonexistent() async throws {
        let (message, _) = try await openMX("nosuch.test", responseCode: 3)
        #expect(message == "the domain nosuch.test does not exist (NXDOMAIN to its MX query)")
    }

    @Test("no MX records: the runner falls back to the domain's own address records, and says so")
    func implicitMX() async throws {
        let (message, notes) = try await openMX("nomx.test", responseCode: 0)
        #expect(
            notes.contains { $0.contains("nomx.test (no MX records: implicit MX, the domain's own A/AAAA records") }
        )
        #expect(message.contains("(implicit MX: nomx.test has no MX records)"), "\(message)")
        #expect(message.contains("no A or AAAA records for the implicit-MX fallback (RFC 5321 §5.1)"), "\(message)")
        #expect(!message.contains("MX lookup"))
    }
}
