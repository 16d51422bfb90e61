import Synchronization

/// The progress line a suite shows on a terminal while it runs: rewritten in place after each case
/// line, and cleared before the closing summary. Off the terminal it does nothing.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let total: Int
    private let state = Mutex<(done: Int, width: Int)>((0, 0))

    init(enabled: Bool, total: Int) {
        self.enabled = enabled
        self.total = total
    }

    /// Prints a finished case's lines (one per result; empty ones are skipped) above the progress line, then
    /// redraws the progress line, which counts cases.
    func caseFinished(lines: [String], progress: (Int, Int) -> String) {
        state.withLock { state in
            state.done += 1
            var out = erase(width: state.width)
            for line in lines where !line.isEmpty { out += line.hasSuffix("\n") ? line : line + "\n" }
            if enabled, state.done < total {
                let text = progress(state.done, total)
                out += text
                state.width = text.count
            } else {
                state.width = 0
            }
            // A quiet run's passing case has nothing to show: no write at all.
            if !out.isEmpty { Console.write(out) }
        }
    }

    /// Removes the progress line.
    func clear() {
        state.withLock { state in
            Console.write(erase(width: state.width))
            state.width = 0
        }
    }

    private func erase(width: Int) -> String {
        guard enabled, width > 0 else { return "" }
        return "\r" + String(repeating: " ", count: width) + "\r"
    }
}
