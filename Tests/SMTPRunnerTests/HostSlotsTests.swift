import Testing

@testable import SMTPRunner

/// The per-host cap's table (`--max-per-host`): each server counts on its own, a session that opens several
/// servers needs a place on each, and one that opens none always fits.
@Suite("HostSlots")
struct HostSlotsTests {
    @Test("a cap of 2 fits two sessions on a server, not a third, until one ends")
    func capHolds() {
        var slots = HostSlots(limit: 2)
        #expect(slots.fits(["a:25"]))
        slots.take(["a:25"])
        slots.take(["a:25"])
        #expect(!slots.fits(["a:25"]))
        #expect(slots.fits(["b:25"]))
        // A session on both servers needs a place on each.
        #expect(!slots.fits(["a:25", "b:25"]))
        slots.release(["a:25"])
        #expect(slots.fits(["a:25", "b:25"]))
        slots.take(["a:25", "b:25"])
        #expect(slots.count(on: "a:25") == 2 && slots.count(on: "b:25") == 1)
        slots.release(["a:25", "b:25"])
        slots.release(["a:25"])
        #expect(slots.count(on: "a:25") == 0 && slots.count(on: "b:25") == 0)
    }

    @Test("a session that opens no server always fits, and a cap below 1 is 1")
    func edges() {
        var slots = HostSlots(limit: 0)
        #expect(slots.fits(["a:25"]))
        slots.take(["a:25"])
        #expect(!slots.fits(["a:25"]))
        #expect(slots.fits([]))
    }
}
