import Foundation

/// Whether a report file or a transcript folder can be written, asked before anything is played: the writers
/// create missing folders, so what matters is the nearest folder that exists.
enum WritablePath {
    /// Why `path` cannot be written as a file (an existing folder is in the way, or no folder above it can be
    /// written); `nil` when it can.
    static func fileProblem(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "'\(path)' is a directory"
        }
        return folderProblem((absolute(path) as NSString).deletingLastPathComponent)
    }

    /// Why files cannot be written into the folder `path` (created when missing); `nil` when they can.
    static func folderProblem(_ path: String) -> String? {
        var current = absolute(path)
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) {
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return "no folder above '\(path)' exists" }
            current = parent
        }
        guard isDirectory.boolValue else { return "'\(current)' is not a directory" }
        guard FileManager.default.isWritableFile(atPath: current), FileManager.default.isExecutableFile(atPath: current)
        else { return "the directory '\(current)' is not writable" }
        return nil
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

extension ReportDestination {
    /// Why the report cannot be written to its file, or `nil` when it can (checked before anything is played).
    public var writeProblem: String? { WritablePath.fileProblem(path) }
}

extension TranscriptWriter {
    /// Why transcripts cannot be written into `directory` (created when missing), or `nil` when they can.
    public static func writeProblem(directory: String) -> String? {
        WritablePath.folderProblem(directory)
    }
}
