import Foundation
import Testing

@testable import SMTPMock

/// The `{date}` a persona's replies show (the Exchange banner's "ready at …") is written by hand, in the server's
/// local time as a real server writes it; it must read exactly as Foundation's formatter writes the same instant.
@Suite("The mock's {date}, written by hand")
struct BannerDateTests {
    /// Connection times: the edges of the calendar and of 32-bit time, every day of 2026 and 2027 at an odd time of
    /// day (single- and two-digit days, every month, both sides of daylight-saving changes), and a spread from
    /// 1970 to 2200.
    static let samples: [TimeInterval] = {
        var samples: [TimeInterval] = [
            0, 59, 86_399, 86_400,
            951_782_400,  // 2000-02-29
            1_470_439_481,  // the seed's session
            2_147_483_647, 2_147_483_648,  // the 32-bit time_t limit
            4_107_456_000,  // 2100-02-28
        ]
        for day in 0..<730 { samples.append(1_767_225_600 + Double(day) * 86_400 + 3_723) }
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<500 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            samples.append((Double(x >> 11) / Double(1 << 53) * 7_258_118_400).rounded(.down))
        }
        return samples
    }()

    static func formatter(_ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
        return formatter
    }

    @Test("the Exchange banner shows the connection time as DateFormatter writes it in the local time zone")
    func bannerDates() throws {
        let persona = try Persona.builtin(named: "exchange")
        let formatter = Self.formatter(.current)
        let prefix = "220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at "
        var mismatches: [String] = []
        for seconds in Self.samples {
            let connectedAt = Date(timeIntervalSince1970: seconds)
            var session = MockSession(persona: persona, environment: SessionEnvironment(connectedAt: connectedAt))
            guard case .reply(let banner)? = session.start().first, let line = banner.lines.first else {
                mismatches.append("\(seconds): no banner")
                continue
            }
            let shown = "\(banner.code.value) \(line)"
            let expected = prefix + formatter.string(from: connectedAt)
            if shown != expected { mismatches.append("\(seconds): \(shown) != \(expected)") }
        }
        #expect(mismatches.prefix(5) == [])
    }

    @Test(
        "the date reads as DateFormatter writes it in zones west and east of UTC, with half-hour offsets and DST",
        arguments: ["UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns"]
    )
    func otherZones(_ identifier: String) throws {
        let zone = try #require(TimeZone(identifier: identifier))
        let formatter = Self.formatter(zone)
        var mismatches: [String] = []
        for seconds in Self.samples {
            let date = Date(timeIntervalSince1970: seconds)
            let written = MockSession.formatRFC5322Date(Int(seconds), offset: zone.secondsFromGMT(for: date))
            let expected = formatter.string(from: date)
            if written != expected { mismatches.append("\(seconds): \(written) != \(expected)") }
        }
        #expect(mismatches.prefix(5) == [])
    }
}
