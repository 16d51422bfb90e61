#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about where the output goes.
enum Terminal {
    /// Whether standard output is a terminal (colours and a progress line make sense there only).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
