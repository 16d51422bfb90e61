import Foundation
import Testing

@testable import SMTPScenario

@Suite("RFC 5322 dates written by hand")
struct RFC5322DateTests {
    @Test("RFC5322Date writes what DateFormatter writes, for many dates")
    func dates() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var samples: [TimeInterval] = [
            0, -1, -0.5, 0.999, 59, 86_399, 86_400, -86_400, -86_401,
            951_782_400,  // 2000-02-29 (a leap day in a year divisible by 400)
            951_868_800,  // 2000-03-01
            1_078_012_800,  // 2004-02-29
            4_107_456_000,  // 2100-02-28 (2100 is not a leap year)
            4_107_542_400,  // 2100-03-01
            2_147_483_647, 2_147_483_648,  // the 32-bit time_t limit, 2038-01-19
            -2_208_988_800,  // 1900-01-01 (not a leap year)
            -11_644_473_600,  // 1601-01-01
            -12_212_553_600,  // 1583-01-01
            253_402_300_799,  // 9999-12-31 23:59:59
            1_470_414_281.75,  // the example in the type's documentation
        ]
        // Every day of 1999 to 2001 and of 2099 to 2101 at an odd time of day, and a spread over 1600 to 9999.
        for start in [915_148_800.0, 4_070_908_800.0] {
            for day in 0..<(3 * 366) { samples.append(start + Double(day) * 86_400 + 3_723.4) }
        }
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let span = 253_402_300_799.0 + 11_676_096_000.0  // 1600-01-01 to 9999-12-31
            samples.append(Double(x >> 11) / Double(1 << 53) * span - 11_676_096_000.0)
        }
        var mismatches: [String] = []
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            let expected = formatter.string(from: date)
            let written = RFC5322Date.format(date)
            if written != expected { mismatches.append("\(seconds): \(written) != \(expected)") }
        }
        #expect(mismatches.prefix(5) == [])
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_470_414_281)) == "Fri, 05 Aug 2016 16:24:41 +0000")
    }
}
