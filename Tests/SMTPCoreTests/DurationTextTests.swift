import SMTPCore
import Testing

@Suite("Duration text: one form for plans, failure messages and console lines")
struct DurationTextTests {
    @Test(
        "exact to the millisecond, in the units the scenario language writes",
        arguments: [
            (Duration.zero, "0ms"), (.milliseconds(250), "250ms"), (.milliseconds(999), "999ms"),
            (.seconds(1), "1s"), (.milliseconds(1500), "1.5s"), (.milliseconds(1250), "1.25s"),
            (.milliseconds(1005), "1.005s"), (.seconds(30), "30s"), (.seconds(60), "1m"), (.seconds(90), "1m30s"),
            (.seconds(120), "2m"), (.seconds(300), "5m"), (.seconds(600), "10m"), (.milliseconds(125_250), "2m5.25s"),
            (.seconds(3600), "1h"), (.seconds(3900), "1h5m"), (.seconds(3_601), "1h1s"),
        ]
    )
    func text(duration: Duration, expected: String) {
        #expect(duration.shortText == expected)
    }

    @Test("measured durations round to the nearest millisecond; a negative one is 0ms")
    func rounding() {
        #expect(Duration.microseconds(12_345).shortText == "12ms")
        #expect(Duration.microseconds(12_500).shortText == "13ms")
        #expect(Duration.microseconds(999_600).shortText == "1s")
        #expect(Duration.microseconds(59_999_700).shortText == "1m")
        #expect(Duration.milliseconds(-5).shortText == "0ms")
    }

    @Test("milliseconds and seconds as numbers")
    func numbers() {
        #expect(Duration.milliseconds(1500).milliseconds == 1500)
        #expect(Duration.microseconds(2500).milliseconds == 2.5)
        #expect(Duration.milliseconds(1500).secondsValue == 1.5)
    }
}
