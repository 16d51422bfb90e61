import Testing

@testable import SMTPMock

/// The per-connection clocks, with instants made up: idle time, a deadline per command that trickling bytes do not
/// move, and a minimum data rate for message content.
@Suite struct ConnectionDeadlinesTests {
    static let start = ContinuousClock.now

    static func deadlines() -> ConnectionDeadlines {
        ConnectionDeadlines(
            idleTimeout: .seconds(3),
            commandTimeout: .seconds(10),
            minimumDataRate: 100,
            now: start
        )
    }

    @Test func aByteEveryTwoSecondsDoesNotExtendTheCommandDeadline() {
        var deadlines = Self.deadlines()
        var now = Self.start
        for _ in 0..<4 {
            now += .seconds(2)
            deadlines.read(octets: 1, now: now)
            deadlines.session(replied: false, receivingContent: false, now: now)
            #expect(deadlines.expired(at: now) == nil)
        }
        now += .seconds(2)
        deadlines.read(octets: 1, now: now)
        #expect(deadlines.expired(at: now) == .command)
    }

    @Test func eachReplyStartsTheNextCommandsClock() {
        var deadlines = Self.deadlines()
        var now = Self.start
        for _ in 0..<10 {
            now += .seconds(2)
            deadlines.read(octets: 6, now: now)
            deadlines.session(replied: true, receivingContent: false, now: now)
            #expect(deadlines.expired(at: now) == nil)
        }
    }

    @Test func silenceIsTheIdleTimeout() {
        let deadlines = Self.deadlines()
        #expect(deadlines.expired(at: Self.start + .milliseconds(2_999)) == nil)
        #expect(deadlines.expired(at: Self.start + .seconds(3)) == .idle)
    }

    @Test func aLongPersonaDelayBeforeAReplyIsNotTheClientsIdleTime() {
        var deadlines = Self.deadlines()
        let afterDelay = Self.start + .seconds(60)
        deadlines.session(replied: true, receivingContent: false, now: afterDelay)
        #expect(deadlines.expired(at: afterDelay + .seconds(2)) == nil)
        #expect(deadlines.expired(at: afterDelay + .seconds(3)) == .idle)
    }

    @Test func messageContentGetsOneSecondPerRateOctets() {
        var deadlines = Self.deadlines()
        deadlines.session(replied: true, receivingContent: true, now: Self.start)
        var now = Self.start
        // 200 octets every 2 s is exactly the rate: never late.
        for _ in 0..<20 {
            now += .seconds(2)
            deadlines.read(octets: 200, now: now)
            #expect(deadlines.expired(at: now) == nil)
        }
        // Then 1 octet every 2 s: the credit (10 s + 40 s of content) runs out.
        var expiry: ConnectionDeadlines.Expiry?
        var steps = 0
        while expiry == nil && steps < 100 {
            now += .seconds(2)
            deadlines.read(octets: 1, now: now)
            expiry = deadlines.expired(at: now)
            steps += 1
        }
        #expect(expiry == .dataRate)
        #expect(steps <= 6)
    }

    @Test func theTickIsAQuarterOfTheShortestLimitWithinBounds() {
        #expect(
            ConnectionDeadlines.tickInterval(idleTimeout: .seconds(300), commandTimeout: .seconds(300)) == .seconds(1)
        )
        #expect(
            ConnectionDeadlines.tickInterval(idleTimeout: .seconds(2), commandTimeout: .seconds(300))
                == .milliseconds(500)
        )
        #expect(
            ConnectionDeadlines.tickInterval(idleTimeout: .milliseconds(100), commandTimeout: .seconds(1))
                == .milliseconds(50)
        )
    }
}
