import Foundation

/// A report file that could not be written.
public struct ReportWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path that could not be written.
    public var path: String
    /// What the system said.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// An error for `path` from what Foundation threw: the system's own words when it wraps a POSIX error
    /// ("File too large", "No space left on device"), which its own description ("The operation could not be
    /// completed") hides.
    public init(path: String, error: any Error) {
        let wrapped = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = wrapped, posix.domain == NSPOSIXErrorDomain {
            self.init(path: path, reason: String(cString: strerror(Int32(posix.code))))
        } else {
            self.init(path: path, reason: error.localizedDescription)
        }
    }

    /// `cannot write report.xml: …`.
    public var description: String { "cannot write \(path): \(reason)" }
}
