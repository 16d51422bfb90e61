extension Duration {
    /// The duration in milliseconds, as a floating-point number.
    var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }

    /// The duration in seconds, as a floating-point number.
    var secondsValue: Double { milliseconds / 1000 }

    /// `12ms`, `1.25s`, `2m 5s`: short, for console lines and reports.
    var reportText: String {
        let ms = Int(milliseconds.rounded())
        if ms < 1000 { return "\(ms)ms" }
        if ms < 60_000 {
            let hundredths = (ms + 5) / 10
            let whole = hundredths / 100
            let fraction = hundredths % 100
            return fraction == 0 ? "\(whole)s" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)s"
        }
        let seconds = ms / 1000
        return "\(seconds / 60)m \(seconds % 60)s"
    }
}
