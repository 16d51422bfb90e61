import Foundation

/// Writes to standard output and standard error. A closed pipe (`smtpspec run … | head`) is not an
/// error worth crashing for: what cannot be written is dropped.
enum Console {
    /// Writes a line to standard output.
    static func out(_ text: String) {
        write(text + "\n")
    }

    /// Writes text to standard output as is.
    static func write(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// Writes text to standard error as is.
    static func err(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
