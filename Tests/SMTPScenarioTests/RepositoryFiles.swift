import Foundation

/// Paths inside this repository, found from this source file's location, so tests read the
/// real Examples and fixtures wherever the clone is.
enum RepositoryFiles {
    static let root: String = {
        let file = URL(fileURLWithPath: #filePath)
        return file.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// An absolute path for a path relative to the repository root.
    static func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    /// The files below a folder whose names end with `suffix`, sorted.
    static func files(under relative: String, suffix: String) -> [String] {
        let folder = URL(fileURLWithPath: path(relative)).resolvingSymlinksInPath().path
        let names = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }
}
