import Foundation

/// Writes to standard output and standard error.
enum Console {
    /// Writes a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes text to standard output as is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes text to standard error as is.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
