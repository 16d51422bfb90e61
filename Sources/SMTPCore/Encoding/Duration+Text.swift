extension Duration {
    /// The duration in milliseconds, as a floating-point number.
    public var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }

    /// The duration in seconds, as a floating-point number.
    public var secondsValue: Double { milliseconds / 1000 }

    /// The one way smtpspec shows a duration (plans, failure messages, console lines, reports), exact to the
    /// millisecond: `250ms` below a second; `1.5s`, `1.25s`, `30s` below a minute; from a minute on, hours, minutes
    /// and seconds as the scenario language writes them: `2m`, `1m30s`, `1h5m`, `2m5.25s`. Zero or less is `0ms`.
    public var shortText: String {
        let total = wholeMilliseconds
        if total < 1000 { return "\(total)ms" }
        let hours = total / 3_600_000
        let minutes = total / 60_000 % 60
        let rest = total % 60_000
        var text = ""
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 {
            text += "\(rest / 1000)"
            if rest % 1000 > 0 {
                // Three digits, zero-padded, then the trailing zeros dropped: 1.5s, 1.25s, 1.005s.
                var fraction = String(String(rest % 1000 + 1000).dropFirst())
                while fraction.hasSuffix("0") { fraction.removeLast() }
                text += ".\(fraction)"
            }
            text += "s"
        }
        return text
    }

    /// The duration rounded to whole milliseconds (half up), at least 0.
    private var wholeMilliseconds: Int64 {
        guard self > .zero else { return 0 }
        let (seconds, attoseconds) = components
        let perMillisecond: Int64 = 1_000_000_000_000_000
        let clamped = min(seconds, Int64.max / 1000 - 1)
        return clamped * 1000 + (attoseconds + perMillisecond / 2) / perMillisecond
    }
}
