import EventLoopExecution
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import SMTPScenario
import Testing

@testable import SMTPRunner

/// What a run sets up once rather than per session: one event-loop group serves the run, and a TLS context is
/// built once per configuration.
@Suite("Connection set-up shared by the sessions of a run")
struct ConnectionReuseTests {
    @Test("the default event-loop group is NIO's shared singleton, for every session of every run")
    func oneGroup() {
        let group = RunnerOptions().eventLoopGroup as? MultiThreadedEventLoopGroup
        #expect(group === MultiThreadedEventLoopGroup.singleton)
    }

    @Test("a TLS context is built once per configuration and shared by the sessions of a run")
    func contextCache() throws {
        let cache = TLSContextCache()
        let plan = TLSPlan()
        let first = try TLSSettings(plan: plan, host: "mx1.example", cache: cache)
        let second = try TLSSettings(plan: plan, host: "mx2.example", cache: cache)
        #expect(first.context === second.context)
        #expect(second.serverHostname == "mx2.example")
        #expect(cache.count == 1)

        var unverified = TLSPlan()
        unverified.verify = false
        let third = try TLSSettings(plan: unverified, host: "mx1.example", cache: cache)
        #expect(third.context !== first.context)
        #expect(cache.count == 2)
        // Copies of the options share the run's cache.
        let options = RunnerOptions()
        let copy = options
        #expect(options.tlsContexts === copy.tlsContexts)
        // Another run (other options) has its own.
        #expect(RunnerOptions().tlsContexts !== options.tlsContexts)
    }

    @Test("a configuration that cannot be built is reported each time and not kept")
    func failedContextNotKept() {
        let cache = TLSContextCache()
        var plan = TLSPlan()
        plan.caFile = "/nonexistent/smtpspec-test-ca.pem"
        for _ in 0..<2 {
            #expect(throws: TransportError.self) { try TLSSettings(plan: plan, host: "mx.example", cache: cache) }
        }
        #expect(cache.count == 0)
    }
}

@Suite("A session's task runs on its connection's event loop")
struct SessionExecutorTests {
    @Test("work run with the event-loop executor runs on that loop, across awaits")
    func runsOnTheLoop() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let onLoop = await EventLoopTaskExecutor.run(on: loop) { () -> [Bool] in
            var seen = [loop.inEventLoop]
            try? await Task.sleep(for: .milliseconds(1))
            seen.append(loop.inEventLoop)
            _ = try? await loop.submit { 1 }.get()
            seen.append(loop.inEventLoop)
            return seen
        }
        #expect(onLoop == [true, true, true])
    }
}
